using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

/// <summary>Analysis avoid/allow: the search never explores a ruled-out move at the plies the rule covers.</summary>
public class MoveRestrictionTests
{
    private static readonly BoardGeometry Nine = BoardGeometry.Get(9);

    private static Move At(int column, int row) => Move.At(Nine.PointAt(column, row));

    private static MctsSearch NewSearch() => new(new UniformEvaluator(), SearchOptions.Default with { Seed = 11 });

    [Fact]
    public void AvoidedRootMovesGetNoVisitsAndTheBestMoveIsAnother()
    {
        var avoided = Nine.Points.Take(60).Select(Move.At).ToList();
        var search = NewSearch();
        search.Restrictions = MoveRestrictions.Create(Nine, [new MoveRestriction(Color.Black, avoided, 1, Allow: false)]);
        search.SetPosition(new GameState(9));

        var result = search.Run(SearchLimits.Visits(2000));

        Assert.NotEmpty(result.Snapshot.Candidates);
        Assert.DoesNotContain(result.Snapshot.Candidates, c => avoided.Contains(c.Move));
        Assert.DoesNotContain(result.Move, avoided);
        Assert.Null(search.FindInconsistency());
    }

    [Fact]
    public void AllowKeepsTheRootToTheListedMovesAndPass()
    {
        Move[] allowed = [At(2, 2), At(6, 6)];
        var search = NewSearch();
        search.Restrictions = MoveRestrictions.Create(Nine, [new MoveRestriction(Color.Black, allowed, 1, Allow: true)]);
        search.SetPosition(new GameState(9));

        var result = search.Run(SearchLimits.Visits(1000));

        Assert.All(result.Snapshot.Candidates, c => Assert.True(allowed.Contains(c.Move) || c.Move.IsPass, $"{c.Move} searched"));
        Assert.Contains(result.Snapshot.Candidates, c => c.Move == allowed[0]);
        Assert.Contains(result.Snapshot.Candidates, c => c.Move == allowed[1]);
        // Deeper plies are free: the principal variations go on with other moves.
        Assert.Contains(result.Snapshot.Candidates, c => c.PrincipalVariation.Count > 1);
    }

    [Fact]
    public void ARuleCoversOnlyItsPlayerAndItsPlies()
    {
        // The top three rows: with uniform priors the search widens in point order, so it tries these first.
        var topRows = Nine.Points.Where(p => Nine.RowOf(p) < 3).Select(Move.At).ToList();
        Move[] blackOpenings = [At(4, 8), At(8, 8)];
        var rules = MoveRestrictions.Create(Nine, [
            new MoveRestriction(Color.Black, blackOpenings, 1, Allow: true),
            new MoveRestriction(Color.White, topRows, 2, Allow: false)]);
        var search = NewSearch();
        search.Restrictions = rules;
        search.SetPosition(new GameState(9));

        search.Run(SearchLimits.Visits(6000));

        // White's replies (ply 2) never enter the top rows; Black's next move (ply 3) is free again and does.
        var replies = blackOpenings.SelectMany(b => Nine.Points.Select(Move.At).Where(r => search.ChildVisits(b, r) > 0)
            .Select(r => (Opening: b, Reply: r))).ToList();
        Assert.True(replies.Count >= 10, $"only {replies.Count} replies explored");
        Assert.DoesNotContain(replies, r => topRows.Contains(r.Reply));
        var thirdMoves = replies.SelectMany(r => topRows.Where(m => search.ChildVisits(r.Opening, r.Reply, m) > 0)).ToList();
        Assert.NotEmpty(thirdMoves);
        Assert.True(rules.Blocks(topRows[0], 2, Color.White));
        Assert.False(rules.Blocks(topRows[0], 3, Color.White));
        Assert.False(rules.Blocks(topRows[0], 2, Color.Black));
    }

    [Fact]
    public void ATreeGrownWithoutTheRuleIsNotReusedUnderIt()
    {
        var state = new GameState(9);
        var search = NewSearch();
        search.SetPosition(state);
        search.Run(SearchLimits.Visits(1500));
        var visitedBefore = search.Snapshot().Candidates.Select(c => c.Move).ToList();
        Assert.True(visitedBefore.Count > 20);

        search.Restrictions = MoveRestrictions.Create(Nine, [new MoveRestriction(Color.Black, visitedBefore.Where(m => m.IsPlay).Take(40).ToList(), 1, false)]);
        search.SetPosition(state);
        var restricted = search.Run(SearchLimits.Visits(500));

        Assert.Equal(500, restricted.Snapshot.RootVisits); // a fresh tree, not 1500 + 500
        Assert.DoesNotContain(restricted.Snapshot.Candidates, c => visitedBefore.Take(40).Contains(c.Move) && c.Move.IsPlay);

        search.Restrictions = MoveRestrictions.None;
        search.SetPosition(state);
        Assert.Equal(300, search.Run(SearchLimits.Visits(300)).Snapshot.RootVisits);
    }

    [Fact]
    public void EqualRuleSetsCompareEqualWhateverTheirOrder()
    {
        var a = MoveRestrictions.Create(Nine, [
            new MoveRestriction(Color.Black, [At(0, 0), At(1, 1)], 3, false),
            new MoveRestriction(Color.White, [At(2, 2)], 1, true)]);
        var b = MoveRestrictions.Create(Nine, [
            new MoveRestriction(Color.White, [At(2, 2)], 1, true),
            new MoveRestriction(Color.Black, [At(1, 1), At(0, 0)], 3, false)]);
        var c = MoveRestrictions.Create(Nine, [new MoveRestriction(Color.Black, [At(0, 0)], 3, false)]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Same(MoveRestrictions.None, MoveRestrictions.Create(Nine, []));
        Assert.True(a.Blocks(At(5, 5), 1, Color.White), "allow for White rules out every other point");
        Assert.False(a.Blocks(Move.Pass, 1, Color.White), "allow never rules out pass");
        Assert.False(a.Blocks(At(5, 5), 2, Color.White));
    }

    [Fact]
    public void BadRulesAreRefusedWithAReason()
    {
        var offBoard = Move.At(BoardGeometry.Get(19).PointAt(18, 18));
        Assert.Throws<ArgumentException>(() => MoveRestrictions.Create(Nine, [new MoveRestriction(Color.Black, [At(0, 0)], 0, false)]));
        Assert.Throws<ArgumentException>(() => MoveRestrictions.Create(Nine, [new MoveRestriction(Color.Empty, [At(0, 0)], 1, false)]));
        Assert.Throws<ArgumentException>(() => MoveRestrictions.Create(Nine, [new MoveRestriction(Color.Black, [offBoard], 1, false)]));
        Assert.Throws<ArgumentException>(() => MoveRestrictions.Create(Nine, [new MoveRestriction(Color.Black, [Move.Resign], 1, false)]));

        var search = NewSearch();
        search.Restrictions = MoveRestrictions.Create(Nine, [new MoveRestriction(Color.Black, [At(0, 0)], 1, false)]);
        search.SetPosition(new GameState(7));
        Assert.Throws<InvalidOperationException>(() => search.Run(SearchLimits.Visits(10)));
    }
}
