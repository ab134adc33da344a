from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = "Letters and published responses"

    def ready(self):
        # WeasyPrint is imported here, once, while django.setup() runs on one thread. Otherwise
        # runserver's autoreloader thread (importing the URLconf, hence letters.pdf) and its main
        # thread (the system checks loading this app's template tags, hence letters.fetcher)
        # import it at the same moment, and one of them can get a partly initialised
        # weasyprint.urls: an ImportError that leaves the server up but never listening.
        import weasyprint.urls  # noqa: F401
