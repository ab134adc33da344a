"""The shared level of the fragment cache (core.fragments) is a database table: made here, so
`migrate` is the only step a deployment needs."""

from django.conf import settings
from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Creates the tables of every database cache in settings.CACHES; skips those that exist.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    table = schema_editor.quote_name(settings.CACHES["shared_fragments"]["LOCATION"])
    schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
