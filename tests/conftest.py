import pytest


@pytest.fixture
def reference_data(db):
    from forces.reference import load_reference

    return load_reference()


@pytest.fixture
def demo_data(reference_data):
    from demo.loader import load_demo

    return load_demo()


@pytest.fixture
def admin_user(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("root", "root@example.org", "pw")
