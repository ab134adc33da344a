from django.urls import reverse

# The service's sections, in menu order: label and the page the menu item opens. A section is
# that page and every page under its address; Home is the home page alone (every path starts
# with "/"). The account page is reached from "Signed in as" and is no section.
SECTIONS = [
    ("Home", "home"),
    ("Inspections", "tracker:inspections"),
    # The response list is /responses/, and each response's pages (its workspace, letter,
    # findings, history) are under it.
    ("Responses", "tracker:responses"),
    ("Dashboard", "tracker:dashboard"),
    ("Tracker", "tracker:list"),
    ("Imports", "imports:list"),
]
STAFF_SECTIONS = [("Data entry", "admin:index")]
# Pages that belong to a section but live at another address: a finding's progress (and the
# Police and Crime Panel report) are reached from the tracker's rows.
ALSO_IN = {"Tracker": ["/progress/"]}


def _owns(label, url, path):
    if url == "/":
        return path == "/"
    return any(path.startswith(prefix) for prefix in [url, *ALSO_IN.get(label, [])])


def navigation(request):
    """The service navigation, with the current section marked: "page" when this is the
    section's own page, "true" when it is a page within the section."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    sections = SECTIONS + (STAFF_SECTIONS if user.is_staff else [])
    items = [(label, reverse(name)) for label, name in sections]
    path = request.path
    return {
        "navigation": [
            {
                "label": label,
                "url": url,
                "active": _owns(label, url, path),
                "current": "page" if path == url else "true",
            }
            for label, url in items
        ]
    }
