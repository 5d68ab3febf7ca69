using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>Evaluation, without the lock: each leaf replayed on its request board, the batch sent to the evaluator, the children built.</summary>
internal sealed partial class SearchWorker
{
    private void PrepareAndEvaluate()
    {
        _toEvaluate.Clear();
        _evaluations.Clear();
        for (int i = 0; i < _leafCount; i++)
        {
            ref var leaf = ref _leaves[i];
            var request = _requests[i];
            leaf.Kind = PrepareRequest(ref leaf, request);
            if (leaf.Kind == LeafKind.Evaluate)
            {
                leaf.Request = _toEvaluate.Count;
                _toEvaluate.Add(request);
                _evaluations.Add(_results[i]);
            }
        }

        if (_toEvaluate.Count > 0)
        {
            _search.Evaluator.Evaluate(_toEvaluate, _evaluations);
        }

        int area = Geometry.Area;
        for (int i = 0; i < _leafCount; i++)
        {
            ref var leaf = ref _leaves[i];
            if (leaf.Kind == LeafKind.Evaluate)
            {
                var result = _evaluations[leaf.Request];
                // A broken evaluator must not poison the tree: NaN/infinite values count as 0.
                float value = result.ValueForSideToMove, score = result.ScoreLeadForSideToMove;
                leaf.Value = float.IsFinite(value) ? Math.Clamp(value, -1f, 1f) : 0f;
                leaf.Score = float.IsFinite(score) ? score : 0f;
                leaf.ExpansionCount = BuildChildren(_toEvaluate[leaf.Request].LegalMask, result.Policy, _expansions.AsSpan(i * (area + 1), area + 1));
            }
        }
    }

    /// <summary>
    /// Replays the leaf's path on the request's board (copying only the last HistoryLength positions), checks
    /// the leaf's own move against superko, and fills the request. Returns what to do with the leaf.
    /// </summary>
    private LeafKind PrepareRequest(ref Leaf leaf, EvaluationRequest request)
    {
        var root = _search.Root;
        var repetitions = root.Repetitions;
        var board = request.Board;
        board.CopyFrom(root.Board);
        int depth = leaf.PathLength - 1;
        int start = leaf.PathStart;
        var history = request.History;
        int historyLength = history.Length;
        if (_pathKeys.Length < depth + 1)
        {
            _pathKeys = new ulong[Math.Max(depth + 1, _pathKeys.Length * 2)];
            _pathStoneCounts = new int[_pathKeys.Length];
        }

        int area = Geometry.Area;

        var color = root.ToMove;
        for (int i = 1; i <= depth; i++)
        {
            int before = i - 1; // depth of the position before move i
            _pathKeys[before] = repetitions.KeyOf(board.Hash, color);
            _pathStoneCounts[before] = area - board.EmptyCount;
            if (before >= depth - historyLength)
            {
                history[depth - 1 - before].CopyFrom(board);
            }

            short move = _pathMoves[start + i];
            if (move < 0)
            {
                board.PlayPass();
            }
            else
            {
                board.Play(new Point(move), color);
            }

            color = color.Opponent();
        }

        var rules = root.Rules;
        if (depth > 0 && _pathMoves[start + depth] >= 0 && rules.KoRule != KoRule.Simple)
        {
            ulong key = repetitions.KeyOf(board.Hash, color);
            if (repetitions.Contains(key) || _pathKeys.AsSpan(0, depth).Contains(key))
            {
                return LeafKind.Illegal;
            }
        }

        if (leaf.Passes >= 2)
        {
            var (black, white) = board.AreaScore();
            double margin = (color == Color.Black ? black - white : white - black)
                + (color == Color.White ? rules.Komi : -rules.Komi);
            leaf.Value = Math.Sign(margin);
            leaf.Score = (float)margin;
            return LeafKind.Terminal;
        }

        for (int k = depth; k < historyLength && k - depth < root.HistoryCount; k++)
        {
            history[k].CopyFrom(root.History[k - depth]);
        }

        request.HistoryCount = Math.Min(historyLength, depth + root.HistoryCount);
        var recent = request.RecentMoves;
        int recentCount = 0;
        for (int j = depth; j >= 1 && recentCount < recent.Length; j--)
        {
            recent[recentCount++] = MctsSearch.MoveFromCode(_pathMoves[start + j]);
        }

        for (int j = 0; j < root.RecentMoveCount && recentCount < recent.Length; j++)
        {
            recent[recentCount++] = root.RecentMoves[j];
        }

        request.RecentMoveCount = recentCount;
        request.ToMove = color;
        request.Rules = rules;
        _pathKeys[depth] = repetitions.KeyOf(board.Hash, color);
        _pathStoneCounts[depth] = area - board.EmptyCount;
        ulong superko = LegalMoves.Fill(board, color, rules, request.LegalMask, _scratch,
            _options.SuperkoInLegalMask ? repetitions : null, _pathKeys.AsSpan(0, depth + 1), _pathStoneCounts.AsSpan(0, depth + 1));
        request.Key = EvaluationKey.Compute(request, superko);
        return LeafKind.Evaluate;
    }

    /// <summary>Children as (move, prior) over the legal moves, priors renormalised, sorted by prior (highest first).</summary>
    private int BuildChildren(bool[] legal, float[] policy, Span<Edge> output)
    {
        var points = _points;
        int count = 0;
        double sum = 0;
        for (int i = 0; i < legal.Length; i++)
        {
            if (legal[i])
            {
                float p = policy[i];
                p = float.IsFinite(p) && p > 0 ? p : 0;
                output[count].Move = i < points.Length ? points[i].Index : (short)-1;
                output[count].Prior = (Half)p;
                output[count].Child = 0;
                sum += p;
                count++;
            }
        }

        var children = output[..count];
        if (sum <= 0)
        {
            var uniform = (Half)(1.0 / count);
            foreach (ref var edge in children)
            {
                edge.Prior = uniform;
            }

            return count;
        }

        if (Math.Abs(sum - 1) > 1e-3)
        {
            foreach (ref var edge in children)
            {
                edge.Prior = (Half)((float)edge.Prior / sum);
            }
        }

        bool sorted = true;
        for (int i = 1; i < children.Length && sorted; i++)
        {
            sorted = children[i - 1].Prior >= children[i].Prior;
        }

        if (!sorted)
        {
            children.Sort(static (a, b) => b.Prior.CompareTo(a.Prior));
        }

        return count;
    }
}
