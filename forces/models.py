from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from forces.choices import BodyKind, DeadlineConvention, PolicingBodyKind


class Region(models.Model):
    """One of the ten geographic policing regions of England and Wales."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


def default_deadline_convention():
    return settings.SECTION55_DEFAULT_CONVENTION


class LocalPolicingBody(models.Model):
    """The body that oversees a force and answers inspections under Section 55: a PCC, a PFCC,
    a mayor with PCC functions, or the City of London Corporation. Its staff form the office
    (OPCC) that uses this product."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=PolicingBodyKind.choices)
    office_name = models.CharField(
        max_length=200, blank=True, help_text="The office as it signs its letters."
    )
    website = models.URLField(blank=True)
    deadline_convention = models.CharField(
        max_length=20,
        choices=DeadlineConvention.choices,
        default=default_deadline_convention,
        help_text="How this office counts the 56 days it has to publish a Section 55 response.",
    )
    require_two_factor = models.BooleanField(
        default=False,
        verbose_name="require two-factor sign-in",
        help_text="Everyone in this office must use an authenticator app to sign in.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "local policing body"
        verbose_name_plural = "local policing bodies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=PolicingBodyKind.values),
                name="policing_body_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(deadline_convention__in=DeadlineConvention.values),
                name="policing_body_convention_valid",
            ),
        ]

    def __str__(self):
        return self.name


class BodyQuerySet(models.QuerySet):
    def forces(self):
        return self.filter(kind=BodyKind.FORCE)

    def rocus(self):
        return self.filter(kind=BodyKind.ROCU)

    def matching(self, name):
        """Bodies whose name, short name or an alias equals ``name`` (case-insensitive)."""
        wanted = name.strip().casefold()
        return [body for body in self if wanted in body.names()]


class Body(models.Model):
    """Anything HMICFRS grades or directs findings at: a territorial force or a ROCU.

    One table, so grades and findings point at a single model; ``kind`` says which. (No proxy
    models per kind: django-simple-history records nothing for saves made through a proxy.)
    """

    kind = models.CharField(max_length=10, choices=BodyKind.choices)
    name = models.CharField(max_length=200, unique=True, help_text="Full name as in reports.")
    short_name = models.CharField(max_length=100, help_text="For example Norfolk or ERSOU.")
    slug = models.SlugField(max_length=100, unique=True)
    aliases = models.TextField(
        blank=True, help_text="Other names reports use, one per line (for example a former name)."
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="bodies",
        help_text="A force's geographic region; the region a ROCU serves.",
    )
    policing_body = models.ForeignKey(
        LocalPolicingBody,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forces",
        help_text="The body that oversees this force (forces only).",
    )
    members = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="rocus",
        limit_choices_to={"kind": BodyKind.FORCE},
        help_text="A ROCU's member forces. Membership can differ from geography.",
    )
    history = HistoricalRecords(m2m_fields=[members])

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name_plural = "bodies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind=BodyKind.FORCE, policing_body__isnull=False)
                | models.Q(kind=BodyKind.ROCU, policing_body__isnull=True),
                name="body_force_has_policing_body",
                violation_error_message="A force needs its local policing body; a ROCU has none.",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_force(self):
        return self.kind == BodyKind.FORCE

    def names(self):
        alias_lines = (line.strip() for line in self.aliases.splitlines())
        return {n.casefold() for n in (self.name, self.short_name, *alias_lines) if n}

    def clean(self):
        if self.kind == BodyKind.FORCE and self.policing_body_id is None:
            raise ValidationError({"policing_body": "A force needs its local policing body."})
        if self.kind == BodyKind.ROCU and self.policing_body_id is not None:
            raise ValidationError({"policing_body": "A ROCU is not overseen by one policing body."})
