"""The uploaded file, kept between the steps of a web import (upload, mapping, preview, commit).

The file goes into the default storage under a random name. The session keeps that name, keyed
by a random token that appears in the import's addresses, with the file's own name, the
programme, when it was uploaded and the choices made so far; nothing the browser sends is used as
a path. An import is forgotten (its file deleted) once it is committed or abandoned for a day:
stale files are deleted whenever someone uploads.
"""

import hmac
import pickle
import secrets
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.utils import timezone
from django.utils.crypto import salted_hmac

from imports.books import Book
from imports.mapping import SheetMapping
from imports.reading import read_book

SESSION_KEY = "spreadsheet_imports"
FOLDER = "spreadsheet-imports"
LIFETIME = timedelta(days=1)


@dataclass
class PendingImport:
    token: str
    stored_as: str
    file_name: str
    programme_id: int
    uploaded_at: str
    mappings: list[dict] = field(default_factory=list)
    resolutions: dict[str, str] = field(default_factory=dict)
    translations: dict[str, str] = field(default_factory=dict)

    def book(self) -> Book:
        """The file as read at the upload (kept beside it), so it is read once per import; the
        file itself is read again only if that copy is gone."""
        if default_storage.exists(self.read_as):
            with default_storage.open(self.read_as, "rb") as kept:
                book = unsealed(kept.read())
            if book is not None:
                return book
        with default_storage.open(self.stored_as, "rb") as stored:
            return read_book(stored.read(), self.file_name)

    @property
    def read_as(self) -> str:
        return f"{self.stored_as}.read"

    def sheet_mappings(self) -> list[SheetMapping]:
        return [SheetMapping.from_dict(data) for data in self.mappings]

    @property
    def expired(self) -> bool:
        return timezone.now() - datetime.fromisoformat(self.uploaded_at) > LIFETIME


def start(
    request, *, programme, data: bytes, file_name: str, mappings, book: Book | None = None
) -> PendingImport:
    """Keep an upload for the next steps, and the file as read (``book``) so that they need
    not read it again."""
    delete_stale()
    stored_as = default_storage.save(f"{FOLDER}/{secrets.token_hex(16)}.upload", ContentFile(data))
    if book is not None:
        default_storage.save(f"{stored_as}.read", ContentFile(sealed(book)))
    pending = PendingImport(
        token=secrets.token_hex(16),
        stored_as=stored_as,
        file_name=file_name,
        programme_id=programme.pk,
        uploaded_at=timezone.now().isoformat(),
        mappings=[mapping.to_dict() for mapping in mappings],
    )
    save(request, pending)
    return pending


def _seal(data: bytes) -> bytes:
    return salted_hmac(SESSION_KEY, data, algorithm="sha256").hexdigest().encode()


def sealed(book: Book) -> bytes:
    """The file as read, pickled and sealed with the site's secret key: only a copy this site
    wrote is ever unpickled, wherever the storage is."""
    data = pickle.dumps(book)
    return _seal(data) + b"\n" + data


def unsealed(kept: bytes) -> Book | None:
    """The book ``sealed`` wrote, or None if the seal does not match (an older version's copy,
    or one changed in storage): the file itself is read again."""
    seal, _, data = kept.partition(b"\n")
    if not hmac.compare_digest(seal, _seal(data)):
        return None
    try:
        return pickle.loads(data)  # sealed by this site above: not data from outside
    except (pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        return None


def get(request, *, programme, token: str) -> PendingImport:
    """The upload behind ``token`` in this session, for this programme; 404 for anything else."""
    data = request.session.get(SESSION_KEY, {}).get(token)
    if not data or data["programme_id"] != programme.pk:
        raise Http404("There is no such import in progress: upload the file again.")
    pending = PendingImport(**data)
    if pending.expired or not default_storage.exists(pending.stored_as):
        finish(request, pending)
        raise Http404("This import was started more than a day ago: upload the file again.")
    return pending


def save(request, pending: PendingImport) -> None:
    imports = request.session.get(SESSION_KEY, {})
    imports[pending.token] = asdict(pending)
    request.session[SESSION_KEY] = imports


def finish(request, pending: PendingImport) -> None:
    """Forget an import and delete its file."""
    imports = request.session.get(SESSION_KEY, {})
    imports.pop(pending.token, None)
    request.session[SESSION_KEY] = imports
    default_storage.delete(pending.stored_as)
    default_storage.delete(pending.read_as)


def delete_stale() -> None:
    """Delete uploads left behind for more than a day, whoever left them."""
    try:
        _, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - LIFETIME
    for name in names:
        path = f"{FOLDER}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
