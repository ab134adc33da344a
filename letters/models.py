from django.db import models

from core.uploads import validate_image
from forces.models import LocalPolicingBody


class Letterhead(models.Model):
    """How an office's Section 55 letters look: set by an administrator."""

    policing_body = models.OneToOneField(
        LocalPolicingBody, on_delete=models.CASCADE, related_name="letterhead"
    )
    heading_name = models.CharField(
        max_length=200,
        help_text="As the letter's title names the office, e.g. Norfolk Police "
        "and Crime Commissioner (PCC).",
    )
    address = models.TextField(blank=True, help_text="One line per line of the address.")
    logo = models.FileField(
        upload_to="letterheads/",
        blank=True,
        validators=[validate_image],
        help_text="PNG or JPEG, at most 2 MB.",
    )
    logo_description = models.CharField(
        max_length=200, blank=True, help_text="Alternative text for the logo."
    )
    signatory_name = models.CharField(max_length=200, blank=True)
    signatory_title = models.CharField(max_length=200, blank=True)
    signature = models.FileField(
        upload_to="signatures/",
        blank=True,
        validators=[validate_image],
        help_text="Optional image of the signature (PNG or JPEG).",
    )
    footer_text = models.CharField(max_length=300, blank=True)
    website_name = models.CharField(
        max_length=100, blank=True, help_text="How the checklist names the website, e.g. OPCCN."
    )

    def __str__(self):
        return f"Letterhead of {self.policing_body}"
