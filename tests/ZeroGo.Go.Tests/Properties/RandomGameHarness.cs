using System.Text;
using ZeroGo.Go;
using ZeroGo.Go.Tests.Reference;

namespace ZeroGo.Go.Tests.Properties;

/// <summary>
/// Plays seeded random games on a <see cref="GameState"/> and an independent <see cref="ReferenceGame"/> side by
/// side, with passes and undos mixed in, and checks after every step that they agree on everything observable:
/// stones, captures, ko, side to move, passes, each chain's size and liberties, the legality of every point under
/// all three ko rules with suicide on and off, undo restoring earlier positions exactly, and the final area count.
/// </summary>
internal sealed class RandomGameHarness
{
    public static readonly Rules[] AllRuleSets =
    [
        new Rules { KoRule = KoRule.Simple, SuicideAllowed = false },
        new Rules { KoRule = KoRule.Simple, SuicideAllowed = true },
        new Rules { KoRule = KoRule.Situational, SuicideAllowed = false },
        new Rules { KoRule = KoRule.Situational, SuicideAllowed = true },
        new Rules { KoRule = KoRule.Positional, SuicideAllowed = false },
        new Rules { KoRule = KoRule.Positional, SuicideAllowed = true },
    ];

    private readonly BoardGeometry _geometry;
    private readonly Random _random;
    private readonly int _seed;
    private readonly Rules _rules;
    private readonly int _fullCheckEvery;
    private readonly bool _checkBothColours;
    private GameState _state;
    private readonly ReferenceGame _reference;
    private readonly List<StateSnapshot> _snapshots = [];
    private readonly List<int> _candidates = [];
    private int _step;

    private readonly bool _nonAlternating;

    /// <param name="nonAlternating">Now and then the same player moves twice (GTP and SGF allow it).</param>
    public RandomGameHarness(int width, int height, int seed, int fullCheckEvery, bool nonAlternating = false)
    {
        _geometry = BoardGeometry.Get(width, height);
        _seed = seed;
        _random = new Random(seed);
        var baseRules = AllRuleSets[_random.Next(AllRuleSets.Length)];
        _rules = baseRules with { Komi = _random.Next(-4, 12) * 0.5 };
        _fullCheckEvery = fullCheckEvery;
        _checkBothColours = _geometry.Area <= 36;
        _state = new GameState(_geometry, _rules);
        _nonAlternating = nonAlternating;
        _reference = new ReferenceGame(width, height) { SimpleKoUnderSuperko = nonAlternating };
        _snapshots.Add(StateSnapshot.Of(_state));
    }

    /// <summary>Statistics a test can assert on, so that a harness that silently does nothing fails.</summary>
    public GameStatistics Statistics { get; } = new();

    public void PlayOneGame()
    {
        int maxSteps = _geometry.Area * 4 + 20;
        int undoToEarlierAt = _random.Next(maxSteps / 2) + 1;
        CheckAgreement();
        for (_step = 0; _step < maxSteps && !_state.IsOver; _step++)
        {
            if (_step == undoToEarlierAt && _state.Moves.Count > 0)
            {
                UndoTo(_random.Next(_state.Moves.Count));
            }
            else if (_state.Moves.Count > 0 && _random.NextDouble() < 0.04)
            {
                UndoTo(Math.Max(0, _state.Moves.Count - 1 - _random.Next(3)));
            }
            else
            {
                PlayRandomMove();
            }

            if (_random.NextDouble() < 0.02)
            {
                // Carry on with a copy: history, superko sets and undo records must all come along.
                _state = _state.Clone();
                Statistics.Clones++;
            }

            CheckAgreement();
        }

        var expected = _reference.AreaScore();
        var actual = _state.AreaScore();
        Require(expected == actual, () => $"area score {actual} but reference counts {expected}");
        Require(_state.ScoreForBlack() == expected.Black - expected.White - _rules.Komi, () => "score for Black ignores komi");
        Statistics.Games++;
    }

    private void PlayRandomMove()
    {
        var color = _nonAlternating && _random.NextDouble() < 0.15 ? _state.ToMove.Opponent() : _state.ToMove;
        bool full = _step % _fullCheckEvery == 0;
        _candidates.Clear();
        if (full)
        {
            CheckEveryPoint(color, collectCandidates: true);
            if (_checkBothColours)
            {
                CheckEveryPoint(color.Opponent(), collectCandidates: false);
            }
        }
        else
        {
            SampleCandidates(color);
        }

        bool pass = _candidates.Count == 0 || _random.NextDouble() < 0.02;
        if (!pass)
        {
            // Prefer moves that do not fill one's own eye, so that groups live and kos appear; fill now and then.
            var nonEye = _candidates.Where(i => !_state.Board.IsOwnEye(_geometry.FromDense(i), color)).ToList();
            var pool = nonEye.Count > 0 && _random.NextDouble() < 0.97 ? nonEye : _candidates;
            int index = pool[_random.Next(pool.Count)];
            var point = _geometry.FromDense(index);
            var verdict = _state.TryPlay(color, Move.At(point));
            Require(verdict == MoveLegality.Legal, () => $"TryPlay refused a move CheckMove allowed: {verdict}");
            _reference.Play(index, ToByte(color));
            Statistics.Moves++;
            if (_reference.KoPoint >= 0)
            {
                Statistics.KoCaptures++;
            }
        }
        else
        {
            _state.Play(color, Move.Pass);
            _reference.Pass(ToByte(color));
            Statistics.Passes++;
        }

        _snapshots.Add(StateSnapshot.Of(_state));
    }

    /// <summary>Checks GameState.CheckMove against the reference on every point for all six rule sets.</summary>
    private void CheckEveryPoint(Color color, bool collectCandidates)
    {
        byte c = ToByte(color);
        for (int index = 0; index < _geometry.Area; index++)
        {
            var placement = _reference.Place(index, c);
            var move = Move.At(_geometry.FromDense(index));
            foreach (var rules in AllRuleSets)
            {
                var expected = _reference.Judge(index, c, placement, rules.KoRule, rules.SuicideAllowed);
                _state.Rules = rules;
                var actual = _state.CheckMove(color, move);
                RequireAgreement(expected, actual, index, color, rules);
                CountVerdict(expected, placement);
            }

            // The board's fast paths: simple-ko legality and the playout eye test.
            var point = _geometry.FromDense(index);
            foreach (bool suicideAllowed in new[] { false, true })
            {
                bool expectedLegal = _reference.Judge(index, c, placement, KoRule.Simple, suicideAllowed) == ReferenceVerdict.Legal;
                if (placement is not null && _state.Board.IsLegal(point, color, suicideAllowed) != expectedLegal)
                {
                    Require(false, () => $"Board.IsLegal({GtpLike(index)}, {color}, suicide {suicideAllowed}) is not {expectedLegal}");
                }
            }

            if (_state.Board.IsOwnEye(point, color) != _reference.IsOwnEye(index, c))
            {
                Require(false, () => $"Board.IsOwnEye({GtpLike(index)}, {color}) disagrees with the definition");
            }

            _state.Rules = _rules;
            if (collectCandidates && _reference.Judge(index, c, placement, _rules.KoRule, _rules.SuicideAllowed) == ReferenceVerdict.Legal)
            {
                _candidates.Add(index);
            }
        }

        _state.Rules = _rules;
        Statistics.PointsChecked += _geometry.Area * AllRuleSets.Length;
    }

    /// <summary>On big boards between full checks: tries random points until one is legal, checking each tried.</summary>
    private void SampleCandidates(Color color)
    {
        byte c = ToByte(color);
        var order = Enumerable.Range(0, _geometry.Area).Where(i => _reference.Cells[i] == ReferenceGame.Empty).ToList();
        for (int tries = 0; tries < 12 && order.Count > 0; tries++)
        {
            int slot = _random.Next(order.Count);
            int index = order[slot];
            order[slot] = order[^1];
            order.RemoveAt(order.Count - 1);
            var expected = _reference.Check(index, c, _rules.KoRule, _rules.SuicideAllowed);
            var actual = _state.CheckMove(color, Move.At(_geometry.FromDense(index)));
            RequireAgreement(expected, actual, index, color, _rules);
            Statistics.PointsChecked++;
            if (expected == ReferenceVerdict.Legal)
            {
                _candidates.Add(index);
                if (!_state.Board.IsOwnEye(_geometry.FromDense(index), color))
                {
                    return;
                }
            }
        }
    }

    private void UndoTo(int moveCount)
    {
        while (_state.Moves.Count > moveCount)
        {
            Require(_state.Undo(), () => "Undo returned false with moves left");
            _reference.Undo();
            _snapshots.RemoveAt(_snapshots.Count - 1);
            Statistics.Undos++;
        }

        var expected = _snapshots[^1];
        var actual = StateSnapshot.Of(_state);
        Require(expected == actual, () => $"undo to move {moveCount} did not restore the position:\nexpected {expected}\nactual   {actual}");
        Require(_state.PositionHistory.Count == moveCount + 1, () => "position history length wrong after undo");
        for (int i = 0; i <= moveCount; i++)
        {
            Require(_state.PositionHistory[i] == _snapshots[i].Hash, () => $"position history entry {i} wrong after undo");
        }
    }

    private void CheckAgreement()
    {
        var board = _state.Board;
        var stones = StateSnapshot.StonesOf(board);
        var expectedStones = new string(_reference.Cells.Select(c => c switch { 1 => 'X', 2 => 'O', _ => '.' }).ToArray());
        Require(stones == expectedStones, () => $"stones differ from the reference; reference:\n{StateSnapshot.Diagram(expectedStones, _geometry.Width)}");
        Require(board.FindInconsistency() is null, () => $"board inconsistent: {board.FindInconsistency()}");
        Require(board.Hash == board.ComputeHashFromScratch(), () => "incremental hash differs from recomputed");
        Require(board.CapturesBy(Color.Black) == board.BlackCaptures && board.CapturesBy(Color.White) == board.WhiteCaptures,
            () => "CapturesBy disagrees with BlackCaptures/WhiteCaptures");
        Require(board.BlackCaptures == _reference.BlackCaptures && board.WhiteCaptures == _reference.WhiteCaptures, () => $"captures B{board.BlackCaptures} W{board.WhiteCaptures}, reference B{_reference.BlackCaptures} W{_reference.WhiteCaptures}");
        int ko = board.KoPoint.IsNone ? -1 : _geometry.DenseIndex(board.KoPoint);
        Require(ko == _reference.KoPoint && (ko < 0 || ToByte(board.KoForbiddenColor) == _reference.KoColor), () => $"ko point {ko} ({board.KoForbiddenColor}), reference {_reference.KoPoint} ({_reference.KoColor})");
        Require(ToByte(_state.ToMove) == _reference.ToMove, () => "side to move differs");
        Require(_state.ConsecutivePasses == _reference.ConsecutivePasses, () => "consecutive passes differ");
        Require(board.EmptyCount == _reference.Cells.Count(c => c == 0), () => "empty count wrong");
        if (_step % _fullCheckEvery == 0)
        {
            CheckChains(board);
        }
    }

    /// <summary>Every chain: same stones and exact liberty count as the reference's flood fill, never zero.</summary>
    private void CheckChains(Board board)
    {
        var done = new bool[_geometry.Area];
        var expectedLiberties = new int[_geometry.Area];
        for (int i = 0; i < _geometry.Area; i++)
        {
            if (_reference.Cells[i] == ReferenceGame.Empty || done[i])
            {
                continue;
            }

            var (chain, liberties) = _reference.Chain(_reference.Cells, i);
            var point = _geometry.FromDense(i);
            var head = board.ChainHead(point);
            foreach (int s in chain)
            {
                done[s] = true;
                expectedLiberties[s] = liberties;
                Require(board.ChainHead(_geometry.FromDense(s)) == head, () => $"stone {s} not in the chain of {i}");
            }

            Require(board.ChainSize(point) == chain.Count, () => $"chain at {i}: size {board.ChainSize(point)}, reference {chain.Count}");
            Require(board.CountLiberties(point) == liberties, () => $"chain at {i}: {board.CountLiberties(point)} liberties, reference {liberties}");
            Require(liberties >= 1, () => $"chain at {i} has no liberty");
            Require(board.IsInAtari(point) == (liberties == 1), () => $"IsInAtari wrong for chain at {i}");
            Require(board.ChainStones(point).Select(_geometry.DenseIndex).OrderBy(x => x).SequenceEqual(chain.OrderBy(x => x)), () => $"ChainStones wrong for chain at {i}");
        }

        // FillLibertyCounts: exact per-point liberties in padded layout, 0 on empty points, optionally capped.
        var filled = new int[_geometry.PaddedArea];
        foreach (int cap in new[] { int.MaxValue, 3 })
        {
            board.FillLibertyCounts(filled, cap);
            for (int i = 0; i < _geometry.Area; i++)
            {
                int index = i;
                int actual = filled[_geometry.FromDense(i).Index];
                Require(actual == Math.Min(cap, expectedLiberties[i]),
                    () => $"FillLibertyCounts(cap {cap}) gives {actual} at {GtpLike(index)}, reference {expectedLiberties[index]}");
            }
        }
    }

    private void RequireAgreement(ReferenceVerdict expected, MoveLegality actual, int index, Color color, Rules rules)
    {
        bool agrees = expected switch
        {
            ReferenceVerdict.Legal => actual == MoveLegality.Legal,
            ReferenceVerdict.Occupied => actual == MoveLegality.Occupied,
            ReferenceVerdict.Suicide => actual == MoveLegality.Suicide,
            ReferenceVerdict.Ko => actual == MoveLegality.Ko,
            // Under superko an immediate ko recapture may be reported by the board's simple-ko check.
            ReferenceVerdict.Superko => actual is MoveLegality.Superko or MoveLegality.Ko,
            _ => false,
        };
        if (!agrees)
        {
            Require(false, () => $"{color} at {GtpLike(index)} under {rules}: GameState says {actual}, reference says {expected}");
        }
    }

    private void CountVerdict(ReferenceVerdict verdict, ReferencePlacement? placement)
    {
        switch (verdict)
        {
            case ReferenceVerdict.Suicide: Statistics.SuicideVerdicts++; break;
            case ReferenceVerdict.Ko: Statistics.KoVerdicts++; break;
            case ReferenceVerdict.Superko: Statistics.SuperkoVerdicts++; break;
            case ReferenceVerdict.Legal when placement is { OwnStonesLost: > 0 }: Statistics.LegalSuicides++; break;
        }
    }

    private string GtpLike(int index) => $"(col {index % _geometry.Width}, row {index / _geometry.Width})";

    private void Require(bool condition, Func<string> message)
    {
        if (condition)
        {
            return;
        }

        var text = new StringBuilder();
        text.AppendLine(message());
        text.AppendLine($"board {_geometry}, seed {_seed}, rules {_rules}, non-alternating {_nonAlternating}, step {_step}, moves {_state.Moves.Count}");
        text.AppendLine(StateSnapshot.Diagram(StateSnapshot.StonesOf(_state.Board), _geometry.Width));
        text.Append("moves: ").AppendJoin(' ', _state.Moves.Select(m =>
            $"{m.Color.Letter()}:{(m.Move.IsPass ? "pass" : $"{_geometry.ColumnOf(m.Move.Point)},{_geometry.RowOf(m.Move.Point)}")}"));
        Assert.Fail(text.ToString());
    }

    private static byte ToByte(Color color) => color switch
    {
        Color.Black => ReferenceGame.Black,
        Color.White => ReferenceGame.White,
        _ => ReferenceGame.Empty,
    };
}

/// <summary>Counts of what random games exercised.</summary>
internal sealed class GameStatistics
{
    public int Games { get; set; }

    public int Moves { get; set; }

    public int Passes { get; set; }

    public int Undos { get; set; }

    public int Clones { get; set; }

    public int KoCaptures { get; set; }

    public long PointsChecked { get; set; }

    public int SuicideVerdicts { get; set; }

    public int LegalSuicides { get; set; }

    public int KoVerdicts { get; set; }

    public int SuperkoVerdicts { get; set; }

    public void Add(GameStatistics other)
    {
        Games += other.Games;
        Moves += other.Moves;
        Passes += other.Passes;
        Undos += other.Undos;
        Clones += other.Clones;
        KoCaptures += other.KoCaptures;
        PointsChecked += other.PointsChecked;
        SuicideVerdicts += other.SuicideVerdicts;
        LegalSuicides += other.LegalSuicides;
        KoVerdicts += other.KoVerdicts;
        SuperkoVerdicts += other.SuperkoVerdicts;
    }

    public override string ToString() =>
        $"{Games} games, {Moves} moves, {Passes} passes, {Undos} undos, {Clones} clones, {KoCaptures} ko captures, {PointsChecked} point checks, " +
        $"{SuicideVerdicts} suicide / {LegalSuicides} allowed suicide / {KoVerdicts} ko / {SuperkoVerdicts} superko verdicts";
}
