from django.db import models


class BodyKind(models.TextChoices):
    FORCE = "force", "Police force"
    ROCU = "rocu", "Regional organised crime unit"


class PolicingBodyKind(models.TextChoices):
    PCC = "pcc", "Police and Crime Commissioner"
    PFCC = "pfcc", "Police, Fire and Crime Commissioner"
    MAYOR = "mayor", "Mayor with PCC functions"
    CITY_OF_LONDON = "city_of_london", "City of London Corporation"


class DeadlineConvention(models.TextChoices):
    # Police Act 1996 s.55(5A): "56 days beginning with the day on which the report is
    # published", so publication day is day 1 and the last day is publication + 55.
    STATUTORY = "statutory", "Statutory: 56 days beginning with the day of publication"
    # Many offices count 56 days after publication (the seed response does).
    AFTER_PUBLICATION = "after_publication", "Office convention: 56 days after publication"
