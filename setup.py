"""Builds the optional C search kernel; everything else is in pyproject.toml.

Without a C compiler the install goes on and the search runs its numpy version (same alignments, slower).
"""
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """Build the kernel where a compiler exists; warn and go on where it does not."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler at all (distutils raises several kinds)
            self.warn(f"the C search kernel was not built ({error}); the numpy search is used instead")

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as error:
            self.warn(f"the C search kernel was not built ({error}); the numpy search is used instead")

    def get_export_symbols(self, ext: Extension) -> list[str]:
        return []  # a plain C library loaded with ctypes, not a Python module: nothing named PyInit_


setup(
    ext_modules=[Extension("align_kernel", ["align/search/kernel/dp_rows.c", "align/search/kernel/bead_costs.c",
                                            "align/search/kernel/dots.c", "align/search/kernel/sparse.c"], extra_compile_args=["-O3", "-ffp-contract=off"],
                           optional=True)],
    cmdclass={"build_ext": OptionalBuildExt},
)
