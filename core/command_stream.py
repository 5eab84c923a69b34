"""A management command's output as a plain stream, for progress bars (tqdm) to draw on."""


class CommandStream:
    """A management command's stdout or stderr, as the plain stream tqdm writes to: each
    write as given, without the line ending Django's wrapper would add."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text):
        self.wrapper.write(text, ending="")

    def flush(self):
        self.wrapper.flush()
