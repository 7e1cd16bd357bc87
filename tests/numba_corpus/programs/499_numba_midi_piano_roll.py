# Source: martinResearch/numba_midi src/numba_midi/numba/pianoroll.py (at commit 4edb9a2d)
# Licence: MIT (numba_midi, pyproject.toml: license = {text = "MIT"}; Martin de La Gorce)
# Notes: piano-roll conversion of a MIDI score held as NumPy arrays of note pitch, start, duration and velocity (music): add_notes_to_piano_roll (@njit(cache=True, boundscheck=False, nogil=True, fastmath=True), a default argument antialiasing=False, an assert with a message) rasterises each note into a (pitch x time) float array in place, with fractional coverage of the first and last frame when antialiasing is on; piano_roll_to_score (same flags, default arguments) scans each pitch row for runs above a threshold and rebuilds the notes through four reflected lists, averaging the velocity with np.uint8(sum_velocity / duration_col) and returning float32/uint8 arrays made by np.array(list, dtype=...). Pasted: the module whole (its njit comes from numba.core.decorators); the harness does what numba_midi's PianoRoll conversion does: 300 notes of a random score (pitches 36-95, 10 ms frames), rasterised without and with antialiasing into two float32 rolls, and the plain roll decoded back to notes
"""Tools to process piano roll reprentationss of MIDI scores."""


from numba.core.decorators import njit
import numpy as np


@njit(cache=True, boundscheck=False, nogil=True, fastmath=True)
def add_notes_to_piano_roll(
    piano_roll: np.ndarray,
    pitch: np.ndarray,
    start: np.ndarray,
    duration: np.ndarray,
    velocity: np.ndarray,
    time_step: float,
    pitch_min: int,
    pitch_max: int,
    num_bin_per_semitone: int,
    shorten_notes: bool,
    antialiasing: bool = False,
) -> None:
    # TODO take pitch bend into account
    for note_id in range(len(pitch)):
        note_pitch = pitch[note_id]
        note_start = start[note_id]
        note_duration = duration[note_id]
        note_velocity = velocity[note_id]

        assert note_pitch >= pitch_min and note_pitch < pitch_max, "Pitch out of range"
        col_start_float = note_start / time_step
        note_end = note_start + note_duration

        row = (note_pitch - pitch_min) * num_bin_per_semitone

        col_end_float = note_end / time_step
        if antialiasing:
            if shorten_notes:
                note_end = note_end - 2 * time_step
            alpha_start = 1.0 - (col_start_float - int(col_start_float))
            alpha_end = col_end_float - int(col_end_float)
            piano_roll[row, int(col_start_float)] += alpha_start * note_velocity
            if alpha_end > 0:
                piano_roll[row, int(col_end_float)] += alpha_end * note_velocity
            for col in range(int(col_start_float) + 1, int(col_end_float)):
                piano_roll[row, col] += note_velocity

        else:
            col_start_int = int(col_start_float)
            col_end_int = int(col_end_float)
            if shorten_notes:
                col_end_int -= 1
            # Note: short notes can be discarded if col_start_int==col_end_int
            for col in range(col_start_int, col_end_int):
                piano_roll[row, col] += note_velocity


@njit(cache=True, boundscheck=False, nogil=True, fastmath=True)
def piano_roll_to_score(
    piano_roll: np.ndarray, time_step: float, pitch_min: int = 0, threshold: float = 0.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    start_list = []
    duration_list = []
    pitch_list = []
    velocity_list = []

    for row in range(piano_roll.shape[0]):
        note_pitch = pitch_min + row
        note_on = False
        sum_velocity = 0
        col_start = 0
        for col in range(piano_roll.shape[1]):
            if piano_roll[row, col] > threshold:
                if not note_on:
                    col_start = col
                    note_on = True
                    sum_velocity = int(piano_roll[row, col])
                else:
                    sum_velocity += int(piano_roll[row, col])
            elif note_on:
                note_start = col_start * time_step
                duration_col = col - col_start
                note_duration = (col - col_start) * time_step
                note_velocity = np.uint8(sum_velocity / duration_col)
                note_on = False
                start_list.append(note_start)
                duration_list.append(note_duration)
                pitch_list.append(note_pitch)
                velocity_list.append(note_velocity)

        # deal with note still on on the last column
        if note_on:
            note_start = col_start * time_step
            col = piano_roll.shape[1]
            duration_col = col - col_start
            note_duration = (col - col_start) * time_step
            note_velocity = np.uint8(sum_velocity / duration_col)
            start_list.append(note_start)
            duration_list.append(note_duration)
            pitch_list.append(note_pitch)
            velocity_list.append(note_velocity)

    start = np.array(start_list, dtype=np.float32)
    duration = np.array(duration_list, dtype=np.float32)
    pitch = np.array(pitch_list, dtype=np.uint8)
    velocity = np.array(velocity_list, dtype=np.uint8)
    return start, duration, pitch, velocity
# ---- harness (not part of the program) ----
ENTRY = "roll_round_trip"


def roll_round_trip(pitch, start, duration, velocity, time_step, pitch_min, pitch_max):
    n_cols = int(np.ceil((start + duration).max() / time_step)) + 2
    roll = np.zeros((pitch_max - pitch_min, n_cols), dtype=np.float32)
    add_notes_to_piano_roll(roll, pitch, start, duration, velocity, time_step,
                            pitch_min, pitch_max, 1, True)
    roll_aa = np.zeros((pitch_max - pitch_min, n_cols), dtype=np.float32)
    add_notes_to_piano_roll(roll_aa, pitch, start, duration, velocity, time_step,
                            pitch_min, pitch_max, 1, False, antialiasing=True)
    notes = piano_roll_to_score(roll, time_step, pitch_min)
    return roll, roll_aa, notes


def inputs():
    rng = np.random.default_rng(0)
    n = 300
    pitch = rng.integers(36, 96, n).astype(np.int32)
    start = np.sort(rng.uniform(0.0, 20.0, n)).astype(np.float32)
    duration = rng.uniform(0.05, 1.5, n).astype(np.float32)
    velocity = rng.integers(20, 128, n).astype(np.float32)
    return (pitch, start, duration, velocity, 0.01, 24, 108)
