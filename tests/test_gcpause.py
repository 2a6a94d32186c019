"""The garbage-collector pause: restored after errors, and only by the outermost of nested pauses."""

from __future__ import annotations

import gc

import pytest

from statediff.gcpause import gc_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_pause_restores_the_state_it_found_even_after_an_error(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), gc_paused():
            assert not gc.isenabled()
            with gc_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the inner pause leaves the outer one in force
            raise RuntimeError
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()
