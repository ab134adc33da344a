from django.urls import reverse


def navigation(request):
    """The service navigation, with the current section marked."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    items = [
        ("Home", reverse("home")),
        ("Inspections", reverse("tracker:inspections")),
        ("Dashboard", reverse("tracker:dashboard")),
        ("Tracker", reverse("tracker:list")),
        ("Imports", reverse("imports:list")),
    ]
    if user.is_staff:
        items.append(("Data entry", reverse("admin:index")))
    path = request.path
    current = max((url for _, url in items if path.startswith(url)), key=len, default=None)
    return {
        "navigation": [
            {"label": label, "url": url, "active": url == current} for label, url in items
        ]
    }
