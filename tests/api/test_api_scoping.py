"""The API shows and accepts only what the user may see: the browsable API's forms and filter
forms list nothing else, and a hidden id answers exactly as an id that does not exist."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

MISSING = 987654321  # no row has this id


@pytest.fixture
def api(world):
    def client_for(key):
        client = APIClient()
        client.force_authenticate(world.users[key])
        return client

    return client_for


def browsable(client, endpoint):
    response = client.get(f"/api/v1/{endpoint}/", {"format": "api"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def embargoed(world, joint):
    return [joint.unpublished, joint.future, world.unpublished]


# -- the browsable API lists only what the user may see ---------------------------------------
def test_browsable_api_offers_only_the_offices_own_responses(api, world, joint):
    html = browsable(api("other_staff"), "finding-responses")
    assert str(joint.suffolk_response) in html  # the form is there, with Suffolk's own
    for hidden in (world.draft, joint.norfolk_response):
        assert str(hidden) not in html
    for finding in (joint.unpublished_finding, joint.future_finding):
        assert finding.text not in html


@pytest.mark.parametrize(
    "endpoint", ["tracker", "findings", "graded-judgements", "finding-responses"]
)
def test_browsable_api_filter_forms_list_no_embargoed_inspection(api, world, joint, endpoint):
    html = browsable(api("own_staff"), endpoint)
    assert joint.inspection.title in html or endpoint == "finding-responses"  # the filter form
    for inspection in embargoed(world, joint):
        assert inspection.title not in html
    for finding in (joint.unpublished_finding, joint.future_finding):
        assert finding.text not in html
    if endpoint == "finding-responses":
        assert str(joint.norfolk_response) in html
        assert str(joint.suffolk_response) not in html
        assert str(world.suffolk_draft) not in html


def test_administrators_filter_by_any_inspection(api, world, joint):
    html = browsable(api("admin"), "findings")
    for inspection in embargoed(world, joint):
        assert inspection.title in html
    reply = api("admin").get("/api/v1/findings/", {"inspection": joint.future.pk})
    assert [f["id"] for f in reply.json()["results"]] == [joint.future_finding.pk]


def test_html_filter_forms_list_no_embargoed_inspection(world, joint, as_user):
    client = as_user("own_staff")
    for url in (reverse("tracker:list"), reverse("tracker:inspections")):
        html = client.get(url).content.decode()
        for inspection in embargoed(world, joint):
            assert inspection.title not in html, url


# -- hidden ids answer as missing ones --------------------------------------------------------
def assert_alike(first, second):
    assert first.status_code == second.status_code
    assert first.json() == second.json()


def test_answering_another_offices_response_is_answered_as_a_missing_one(api, world, joint):
    client = api("other_staff")

    def post(**data):
        return client.post("/api/v1/finding-responses/", data, format="json")

    hidden = post(response=joint.norfolk_response.pk, finding=joint.norfolk_afi.pk)
    missing = post(response=MISSING, finding=joint.norfolk_afi.pk)
    assert hidden.status_code == 400
    assert_alike(hidden, missing)
    # The finding Norfolk answered: no "must make a unique set" giving that away.
    answered = post(response=joint.norfolk_response.pk, finding=joint.joint_afi.pk)
    assert_alike(answered, missing)
    assert "unique" not in str(answered.json())


def test_answering_an_embargoed_finding_is_answered_as_a_missing_one(api, joint):
    client = api("own_staff")
    replies = [
        client.post(
            "/api/v1/finding-responses/",
            {"response": joint.norfolk_response.pk, "finding": finding},
            format="json",
        )
        for finding in (joint.unpublished_finding.pk, joint.future_finding.pk, MISSING)
    ]
    assert replies[0].status_code == 400
    assert_alike(replies[0], replies[2])
    assert_alike(replies[1], replies[2])


FILTERS = [
    ("finding-responses", "response", lambda world, joint: joint.suffolk_response.pk),
    ("finding-responses", "response", lambda world, joint: world.suffolk_draft.pk),
    ("finding-responses", "finding", lambda world, joint: joint.unpublished_finding.pk),
    ("findings", "inspection", lambda world, joint: joint.unpublished.pk),
    ("findings", "inspection", lambda world, joint: joint.future.pk),
    ("findings", "repeats", lambda world, joint: joint.future_finding.pk),
    ("findings", "parent", lambda world, joint: joint.unpublished_finding.pk),
    ("graded-judgements", "inspection", lambda world, joint: joint.future.pk),
    ("tracker", "inspection", lambda world, joint: joint.unpublished.pk),
    ("tracker", "inspection", lambda world, joint: joint.future.pk),
]


@pytest.mark.parametrize(
    "endpoint, name, hidden", FILTERS, ids=[f"{e}-{n}-{i}" for i, (e, n, _) in enumerate(FILTERS)]
)
def test_filters_answer_alike_for_hidden_and_missing_ids(api, world, joint, endpoint, name, hidden):
    client = api("own_staff")
    url = f"/api/v1/{endpoint}/"
    hidden_reply = client.get(url, {name: hidden(world, joint)})
    assert hidden_reply.status_code == 400
    assert_alike(hidden_reply, client.get(url, {name: MISSING}))


def test_visible_ids_still_filter(api, world, joint):
    client = api("own_staff")
    answers = client.get("/api/v1/finding-responses/", {"response": joint.norfolk_response.pk})
    assert [a["id"] for a in answers.json()["results"]] == [joint.norfolk_answer.pk]
    findings = client.get("/api/v1/findings/", {"inspection": joint.inspection.pk}).json()
    assert findings["count"] == 4
    rows = client.get("/api/v1/tracker/", {"inspection": joint.inspection.pk}).json()
    assert {r["finding"] for r in rows["results"]} == {
        joint.norfolk_afi.pk,
        joint.joint_afi.pk,
    }


# -- every related field and filter, present and future ---------------------------------------
REFERENCE_MODELS = {"region", "body", "localpolicingbody"}  # public reference data


def hidden_from_suffolk(world, joint):
    """Rows Suffolk's staff may not see, by model name."""
    return {
        "section55response": [world.draft, joint.norfolk_response],
        "inspection": [joint.unpublished, joint.future, world.unpublished],
        "finding": [joint.unpublished_finding, joint.future_finding],
        "findingresponse": [joint.norfolk_answer],
    }


def suffolk_request(world):
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    request = Request(APIRequestFactory().get("/api/v1/"))
    request.user = world.users["other_staff"]
    return request


def related_querysets(serializer):
    from rest_framework import relations

    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        if isinstance(field, relations.ManyRelatedField):
            field = field.child_relation
        if isinstance(field, relations.RelatedField):
            yield name, field.get_queryset()


def test_every_writable_related_field_is_scoped_to_the_user(world, joint):
    from config.api import router

    request = suffolk_request(world)
    hidden = hidden_from_suffolk(world, joint)
    checked = set()
    for _, viewset, _ in router.registry:
        serializer = viewset.serializer_class(context={"request": request})
        for name, queryset in related_querysets(serializer):
            model = queryset.model._meta.model_name
            assert model in hidden or model in REFERENCE_MODELS, (viewset, name, model)
            for row in hidden.get(model, []):
                assert not queryset.filter(pk=row.pk).exists(), (viewset.__name__, name, row)
            checked.add((viewset.__name__, name))
    assert {("FindingResponseViewSet", "response"), ("FindingResponseViewSet", "finding")} <= (
        checked
    )


def test_every_filter_choice_is_scoped_to_the_user(world, joint):
    import django_filters

    from config.api import router

    request = suffolk_request(world)
    hidden = hidden_from_suffolk(world, joint)
    checked = set()
    for _, viewset, _ in router.registry:
        filterset_class = getattr(viewset, "filterset_class", None)
        if filterset_class is None:
            continue
        filterset = filterset_class(
            {}, queryset=viewset.serializer_class.Meta.model.objects.none(), request=request
        )
        for name, filter_ in filterset.filters.items():
            if not isinstance(
                filter_, django_filters.ModelChoiceFilter | django_filters.ModelMultipleChoiceFilter
            ):
                continue
            queryset = filterset.form.fields[name].queryset
            model = queryset.model._meta.model_name
            assert model in hidden or model in REFERENCE_MODELS, (filterset_class, name, model)
            for row in hidden.get(model, []):
                assert not queryset.filter(pk=row.pk).exists(), (filterset_class, name, row)
            checked.add((filterset_class.__name__, name))
    assert ("FindingFilterSet", "repeats") in checked
    assert ("TrackerFilterSet", "inspection") in checked


DETAILS = [
    ("responses", lambda world, joint: joint.suffolk_response.pk),
    ("finding-responses", lambda world, joint: joint.norfolk_answer.pk),
    ("inspections", lambda world, joint: joint.future.pk),
    ("findings", lambda world, joint: joint.unpublished_finding.pk),
]


@pytest.mark.parametrize("endpoint, hidden", DETAILS, ids=[e for e, _ in DETAILS])
def test_details_answer_alike_for_hidden_and_missing_ids(api, world, joint, endpoint, hidden):
    client = api("other_staff") if endpoint == "finding-responses" else api("own_staff")
    row = hidden(world, joint)
    for method in ("get", "patch"):
        replies = [
            getattr(client, method)(f"/api/v1/{endpoint}/{pk}/", {"version": 1}, format="json")
            for pk in (row, MISSING)
        ]
        assert replies[0].status_code in (404, 405)
        assert_alike(*replies)
