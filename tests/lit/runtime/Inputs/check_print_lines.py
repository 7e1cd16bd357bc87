"""check_print_lines.py - count the lines of prange-print-lines.weft that
are not whole: 'i x 3i 1.5i y i+1 2i'."""
import sys


def whole(line):
    p = line.split()
    try:
        i = int(p[0])
        return (len(p) == 7 and p[1] == "x" and int(p[2]) == 3 * i and
                float(p[3]) == 1.5 * i and p[4] == "y" and
                int(p[5]) == i + 1 and int(p[6]) == 2 * i)
    except (ValueError, IndexError):
        return False


lines = sys.stdin.read().splitlines()
print(f"{len(lines)} lines, {sum(not whole(l) for l in lines)} broken")
