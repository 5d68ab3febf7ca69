#!/usr/bin/env python3
"""Times a whole game analysed two ways, at the same visits per position:

  analysis  one `zerogo analysis` query with analyzeTurns = every turn (positions searched side by side,
            their network requests batched together);
  gtp       `zerogo gtp`, one position after another: genmove (a search of --visits), undo, play the game's move
            (the tree of the game's move is reused, as in a GUI stepping through a game).

Start-up and the first network load are left out of both: each engine answers one warm-up search first.
Usage: scripts/bench-analysis.py GAME.sgf [--model FILE] --visits N [--analysis-threads N] [--gtp-threads N] [--turns N]
Without --model both engines play with the bundled network for the board, else the same freshly initialised one
(both start with seed 1). A Leela Zero file runs one forward pass per caller, so it shows no batching gain.
Prints one line per engine: wall seconds, the engine's CPU seconds (user + system, from /proc: the better figure on
a shared machine), positions, positions per wall second.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LETTERS = "ABCDEFGHJKLMNOPQRSTUVWXYZ"


def read_game(path):
    """Main line moves of a plain SGF record as (colour, GTP vertex); board size and komi."""
    text = Path(path).read_text(encoding="utf-8")
    size = int(re.search(r"SZ\[(\d+)\]", text).group(1))
    komi_match = re.search(r"KM\[([-\d.]+)\]", text)
    komi = float(komi_match.group(1)) if komi_match else 7.5
    moves = []
    for colour, point in re.findall(r";([BW])\[([a-s]{0,2})\]", text):
        if point == "" or (point == "tt" and size <= 19):
            moves.append((colour, "pass"))
        else:
            column, row = ord(point[0]) - ord("a"), ord(point[1]) - ord("a")
            moves.append((colour, f"{LETTERS[column]}{size - row}"))
    return size, komi, moves


def cpu_seconds(process):
    """User + system CPU time of a running process so far (Linux /proc; ./zerogo execs dotnet, so the pid is the engine)."""
    fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def model_arguments(args):
    return ["--model", args.model] if args.model else []


def start(arguments):
    return subprocess.Popen([str(ROOT / "zerogo"), *arguments], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, bufsize=1)


def time_analysis(size, komi, moves, args):
    engine = start(["analysis", *model_arguments(args), "--threads", str(args.analysis_threads), "--seed", "1"])

    def query(query_id, turns, visits):
        engine.stdin.write(json.dumps({
            "id": query_id, "moves": [list(m) for m in moves], "rules": "chinese", "komi": komi,
            "boardXSize": size, "boardYSize": size, "analyzeTurns": turns, "maxVisits": visits}) + "\n")
        engine.stdin.flush()
        finals = 0
        while finals < len(turns):
            response = json.loads(engine.stdout.readline())
            if "error" in response:
                sys.exit(f"analysis error: {response}")
            if response.get("isDuringSearch") is False:
                finals += 1

    query("warm-up", [0], 1)
    clock, cpu = time.monotonic(), cpu_seconds(engine)
    query("game", list(range(len(moves) + 1)), args.visits)
    seconds, cpu = time.monotonic() - clock, cpu_seconds(engine) - cpu
    engine.stdin.close()
    engine.wait()
    return seconds, cpu


def time_gtp(size, komi, moves, args):
    engine = start(["gtp", *model_arguments(args), "--visits", str(args.visits), "--threads", str(args.gtp_threads),
                    "--seed", "1"])

    def ask(command):
        engine.stdin.write(command + "\n")
        engine.stdin.flush()
        answer = engine.stdout.readline()
        while engine.stdout.readline().strip():
            pass
        if not answer.startswith("="):
            sys.exit(f"gtp: {command} -> {answer}")
        return answer[1:].strip()

    ask(f"boardsize {size}")
    ask(f"komi {komi}")
    ask("genmove b")  # warm-up: loads the network
    ask("clear_board")
    clock, cpu = time.monotonic(), cpu_seconds(engine)
    for index in range(len(moves) + 1):
        to_move = moves[index][0] if index < len(moves) else ("W" if moves[-1][0] == "B" else "B")
        ask(f"genmove {to_move.lower()}")
        ask("undo")
        if index < len(moves):
            ask(f"play {moves[index][0].lower()} {moves[index][1]}")
    seconds, cpu = time.monotonic() - clock, cpu_seconds(engine) - cpu
    ask("quit")
    engine.wait()
    return seconds, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("game")
    parser.add_argument("--model", default=None)
    parser.add_argument("--visits", type=int, default=32)
    parser.add_argument("--analysis-threads", type=int, default=4)
    parser.add_argument("--gtp-threads", type=int, default=2)
    parser.add_argument("--turns", type=int, default=None, help="only the first N moves of the game")
    parser.add_argument("--only", choices=["analysis", "gtp"], default=None)
    args = parser.parse_args()
    size, komi, moves = read_game(args.game)
    moves = moves[:args.turns] if args.turns else moves
    positions = len(moves) + 1
    for name, run in (("analysis", time_analysis), ("gtp", time_gtp)):
        if args.only in (None, name):
            seconds, cpu = run(size, komi, moves, args)
            threads = args.analysis_threads if name == "analysis" else args.gtp_threads
            print(f"{name}: {seconds:.1f} s ({cpu:.1f} CPU s) for {positions} positions at {args.visits} visits "
                  f"({positions / seconds:.2f} positions/s, {threads} thread(s))", flush=True)


if __name__ == "__main__":
    main()
