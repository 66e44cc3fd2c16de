"""Files kept with records (attachments, meeting documents, rendered reports), served to API
callers after the same read check as the portal's download pages."""

from django.http import FileResponse, Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema


def serve_file(field_file, filename: str) -> FileResponse:
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError) as missing:  # ValueError: no file in the field
        raise Http404 from missing
    return FileResponse(handle, as_attachment=True, filename=filename)


def file_schema(path_parameter: str):
    """A download's schema: any content type, the file's id in the path."""
    return extend_schema(
        responses={(200, "*/*"): OpenApiTypes.BINARY},
        # Minimum 0: the route matches digits only, so "-1" would never reach the API.
        parameters=[
            OpenApiParameter(
                path_parameter, {"type": "integer", "minimum": 0}, OpenApiParameter.PATH
            )
        ],
        filters=False,
    )
