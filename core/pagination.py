from django.core.paginator import Paginator


def paginate(request, queryset, size):
    """(page, query string without ``page``): the query keeps the filters in the page links."""
    page = Paginator(queryset, size).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
