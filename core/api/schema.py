"""The OpenAPI schema documents the error responses every endpoint can give."""

from drf_spectacular.openapi import AutoSchema

ERROR = {
    "type": "object",
    "description": "`detail` for the request as a whole, or a list of messages per field.",
    "additionalProperties": True,
    "properties": {"detail": {"type": "string"}},
}
CONFLICT = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "current_version": {"type": "integer"},
        "changed_fields": {"type": "array", "items": {"type": "string"}},
    },
}


def _error(description, schema=ERROR):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


class DocumentedErrorsSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        responses.setdefault("400", _error("Bad input: the messages say what, per field."))
        responses.setdefault("401", _error("Not signed in and no valid token."))
        responses.setdefault("403", _error("Signed in, but this may not be done."))
        if "{" in self.path or self.method == "GET":
            responses.setdefault("404", _error("Not found, not yours to see, or no such page."))
        if self.method in ("PUT", "PATCH"):
            responses.setdefault(
                "409", _error("Someone saved since you read it; nothing was saved.", CONFLICT)
            )
        return responses
