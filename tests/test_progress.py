import io

from align.report.progress import Progress


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_quiet_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress(3, stream)
    for _ in range(3):
        progress.advance()
    progress.close()
    assert stream.getvalue() == ""


def test_shows_count_rate_and_eta_on_a_terminal():
    stream = Tty()
    progress = Progress(2, stream)
    progress.advance()
    progress.advance()
    progress.close()
    assert "2/2 pairs" in stream.getvalue() and "/s" in stream.getvalue() and "ETA" in stream.getvalue()


def test_line_format():
    progress = Progress(100, io.StringIO())
    progress.done = 25
    assert progress.line(progress.start + 10).startswith(" 25/100 pairs  2.5/s  ETA 0:30")
