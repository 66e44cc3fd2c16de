"""The OpenAPI document: every operation also lists the error answers it can give, so that
clients (and the schema-driven tests) know 401/403/404/429 bodies are part of the contract."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


ERROR_DESCRIPTIONS = {
    "400": "Dữ liệu không hợp lệ: lỗi theo từng trường",
    "401": "Chưa xác thực: thiếu mã truy cập hoặc mã không hợp lệ",
    "403": "Không có quyền",
    "404": "Không tìm thấy",
    "429": "Vượt quá số yêu cầu cho phép",
}


class PortalAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction=direction)
        # 404: an unknown record, or a page number past the last page of a list.
        codes = ["401", "403", "404", "429"]
        if self.method in ("POST", "PATCH", "PUT") or self._is_list_view():
            codes.append("400")  # invalid body, or invalid filter values
        for code in codes:
            if code in responses:
                continue
            schema = OpenApiTypes.OBJECT if code == "400" else ErrorSerializer
            responses[code] = self._get_response_for_code(schema, code, direction=direction)
            responses[code]["description"] = ERROR_DESCRIPTIONS[code]
        return responses
