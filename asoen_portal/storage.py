"""File storage for uploads and rendered reports: a file appears under its final name whole
or not at all, and a full disk is told to the user in words."""

import errno
import os
import tempfile
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext as _

FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class AtomicFileSystemStorage(FileSystemStorage):
    """FileSystemStorage that writes to a hidden temporary file beside the target and links
    it into place only when complete. Django's own storage writes in place and, when the disk
    fills mid-write, leaves a partial file that no row points to."""

    def _save(self, name, content):
        full_path = Path(self.path(name))
        full_path.parent.mkdir(parents=True, exist_ok=True)
        if self.directory_permissions_mode is not None:
            os.chmod(full_path.parent, self.directory_permissions_mode)
        fd, tmp = tempfile.mkstemp(dir=full_path.parent, prefix=".partial-")
        try:
            with os.fdopen(fd, "wb") as handle:
                self._write(handle, content)
                handle.flush()
                os.fsync(handle.fileno())
            if self.file_permissions_mode is not None:
                os.chmod(tmp, self.file_permissions_mode)
            while True:
                try:
                    os.link(tmp, full_path)  # fails if the name was taken meanwhile
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = Path(self.path(name))
        finally:
            Path(tmp).unlink(missing_ok=True)
        return str(name).replace("\\", "/")

    def _write(self, handle, content):
        if hasattr(content, "temporary_file_path") or hasattr(content, "chunks"):
            for chunk in content.chunks():
                handle.write(chunk)
        else:
            handle.write(content.read())


def storage_error_message(error: OSError) -> str:
    """What to tell the user when a file could not be stored (nothing was saved)."""
    if error.errno in FULL_ERRNOS:
        return _(
            "Máy chủ đã hết dung lượng lưu trữ nên tệp chưa được lưu; không có thay đổi nào "
            "được ghi lại. Nội dung bạn nhập vẫn còn bên dưới — hãy chọn lại tệp và thử lại "
            "sau, hoặc báo cho bộ phận công nghệ thông tin."
        )
    return _(
        "Không lưu được tệp do lỗi lưu trữ của máy chủ; không có thay đổi nào được ghi lại. "
        "Nội dung bạn nhập vẫn còn bên dưới — hãy chọn lại tệp và thử lại."
    )
