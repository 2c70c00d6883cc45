"""Exit statuses and the one error a command raises to fail with one line.

A leaf module: the command modules and the crash hook import it without pulling in
the parser."""

from __future__ import annotations

from stad_desktop.language import Message

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A failure to report as one line; ``status`` is the exit status."""

    def __init__(self, message: Message | str, status: int = EXIT_BAD_INPUT) -> None:
        self.message = message if isinstance(message, Message) else Message(message)
        self.status = status
        super().__init__(self.message.msgid)
