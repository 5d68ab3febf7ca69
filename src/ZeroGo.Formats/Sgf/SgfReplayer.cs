using ZeroGo.Go;

namespace ZeroGo.Formats.Sgf;

/// <summary>
/// Applies nodes to a <see cref="GameState"/>: setup (AB/AW/AE, handicap), PL, then the node's moves in order.
/// Tolerant replay keeps going past rule violations with a warning; strict replay throws at the first one.
/// </summary>
internal sealed class SgfReplayer(SgfGame game, bool strict)
{
    private readonly BoardGeometry _geometry = game.Geometry;

    public GameState NewState() => new(_geometry, game.Rules);

    /// <summary>Applies one node; false when it stopped before move <paramref name="stopBeforeMove"/>.</summary>
    public bool Apply(GameState state, SgfNode node, ref int moveNumber, int stopBeforeMove, List<SgfWarning> warnings)
    {
        // PL goes first as well as last: setup restarts the history from the current situation (position and
        // side to move), and situational superko must remember the side PL names, not the one before it.
        var toMove = node.GetText("PL") is { } player ? ParsePlayer(player) : null;
        if (toMove is not null)
        {
            state.SetToMove(toMove.Value);
        }

        ApplySetup(state, node, moveNumber, warnings);
        if (toMove is not null)
        {
            state.SetToMove(toMove.Value);
        }

        bool forced = node.Has("KO");
        foreach (var (color, property, value) in node.MoveProperties())
        {
            if (moveNumber + 1 >= stopBeforeMove)
            {
                return false;
            }

            moveNumber++;
            Play(state, color, property, value, moveNumber, forced, warnings);
        }

        return true;
    }

    private void ApplySetup(GameState state, SgfNode node, int moveNumber, List<SgfWarning> warnings)
    {
        if (!node.HasSetup)
        {
            return;
        }

        var black = SetupPoints(node, "AB", warnings);
        var white = SetupPoints(node, "AW", warnings);
        var empty = SetupPoints(node, "AE", warnings);
        if (black.Count + white.Count + empty.Count == 0)
        {
            return;
        }

        bool freshBoard = moveNumber == 0 && state.Moves.Count == 0 && state.Board.EmptyCount == _geometry.Area;
        if (freshBoard && white.Count == 0 && empty.Count == 0 && game.Info.Handicap >= 2 && black.Count >= 2)
        {
            state.PlaceHandicap(black);
        }
        else
        {
            state.ApplySetup(black, white, empty);
        }

        if (state.Board.HasChainWithoutLiberties())
        {
            Report(warnings, new SgfWarning(SgfWarningKind.BadValue, "setup stones leave a chain without liberties",
                node.Line, node.Column, moveNumber));
        }
    }

    private List<Point> SetupPoints(SgfNode node, string identifier, List<SgfWarning> warnings)
    {
        var points = new List<Point>();
        var seen = new HashSet<Point>();
        foreach (var property in node.Properties)
        {
            if (property.Identifier != identifier)
            {
                continue;
            }

            var coordinates = SgfCoordinates.ExpandList(property.Values, bad => warnings.Add(new SgfWarning(
                SgfWarningKind.BadValue, $"{identifier}[{bad}] is not a point; ignored", property.Line, property.Column)));
            foreach (var (column, row) in coordinates)
            {
                if (!_geometry.Contains(column, row))
                {
                    warnings.Add(new SgfWarning(SgfWarningKind.BadValue,
                        $"{identifier}[{SgfCoordinates.Format(column, row)}] is off the {game.SizeText} board; ignored",
                        property.Line, property.Column));
                    continue;
                }

                var point = _geometry.PointAt(column, row);
                if (seen.Add(point))
                {
                    points.Add(point);
                }
            }
        }

        return points;
    }

    private void Play(GameState state, Color color, SgfProperty property, SgfValue value, int number, bool forced, List<SgfWarning> warnings)
    {
        string text = value.Text.Trim();
        string shown = $"{color.Letter()}[{value.Raw}]";
        SgfWarning Problem(SgfWarningKind kind, string message, string? repair = null) =>
            new(kind, $"{shown} {message}" + (strict || repair is null ? "" : "; " + repair), property.Line, property.Column, number);

        Move move;
        if (SgfCoordinates.IsPass(text, game.Width, game.Height))
        {
            move = Move.Pass;
        }
        else if (SgfCoordinates.TryParse(text, out int column, out int row))
        {
            if (!_geometry.Contains(column, row))
            {
                Report(warnings, Problem(SgfWarningKind.IllegalMove, $"is off the {game.SizeText} board", "skipped"));
                return;
            }

            move = Move.At(_geometry.PointAt(column, row));
        }
        else if (GtpVertex.TryParse(text, _geometry, out move))
        {
            // Some tools write "B[R16]" or "W[Pass]"; the meaning is clear, so read it.
            warnings.Add(Problem(SgfWarningKind.Leniency, $"is written as a GTP vertex, not SGF coordinates; read as {GtpVertex.Format(move, _geometry)}"));
        }
        else
        {
            Report(warnings, Problem(SgfWarningKind.IllegalMove, "is not a point", "skipped"));
            return;
        }

        var verdict = state.CheckMove(color, move);
        switch (verdict)
        {
            case MoveLegality.Legal:
                state.PlayUnchecked(color, move);
                break;
            case MoveLegality.Occupied:
                Report(warnings, Problem(SgfWarningKind.IllegalMove, "is on an occupied point", "skipped"));
                break;
            case MoveLegality.OffBoard:
                Report(warnings, Problem(SgfWarningKind.IllegalMove, "is off the board", "skipped"));
                break;
            default:
                // Suicide, ko, superko: the record says it happened, so it is played as recorded. KO[] on the node
                // (FF[4] "execute the move even if illegal") says so on purpose: no warning then.
                if (!forced)
                {
                    Report(warnings, Problem(SgfWarningKind.IllegalMove, $"is illegal ({verdict.Describe()})", "played as recorded"));
                }

                state.PlayUnchecked(color, move);
                break;
        }
    }

    private void Report(List<SgfWarning> warnings, SgfWarning warning)
    {
        if (strict && warning.IsSerious)
        {
            throw new SgfReplayException(warning);
        }

        warnings.Add(warning);
    }

    private static Color? ParsePlayer(string text) => text.Trim().ToUpperInvariant() switch
    {
        "B" or "BLACK" or "1" => Color.Black,
        "W" or "WHITE" or "2" => Color.White,
        _ => null,
    };
}
