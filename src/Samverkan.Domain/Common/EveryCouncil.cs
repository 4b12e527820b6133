namespace Samverkan.Domain.Common;

/// <summary>How far a round of decisions by every party's council has come.</summary>
public sealed record CouncilRound(int Decided, int Parties, IReadOnlyList<Guid> Waiting)
{
    /// <summary>Complete only when every party's council has decided.</summary>
    public bool Complete => Parties > 0 && Waiting.Count == 0;
}

/// <summary>
/// The one rule for "every party's council decides" (seed 001 §1, 002, 004): the agreement's adoption, an amendment's, a
/// supplement's, and a case step that fans out to every council. Each party decides in its own council, with a reference
/// and a date that has come; a party decides once; the round is complete only when all have decided.
/// </summary>
public static class EveryCouncil
{
    public static CouncilRound Progress(IEnumerable<Guid> parties, IEnumerable<Guid> decided)
    {
        var done = decided.ToHashSet();
        var all = parties.Distinct().ToList();
        var waiting = all.Where(p => !done.Contains(p)).ToList();
        return new CouncilRound(all.Count - waiting.Count, all.Count, waiting);
    }

    /// <summary>
    /// Refuses a council decision that breaks the rule. <paramref name="rule"/> names the kind of decision in the rule
    /// names it raises ("Adoption" gives AdoptionParty, AdoptionReference, AdoptionDate and AdoptionTwice).
    /// </summary>
    public static string EnsureRecordable(string rule, string decision, bool isParty, bool alreadyDecided, string partyName, DateOnly decidedOn, string? reference, DateOnly today)
    {
        if (!isParty)
        {
            throw new DomainRuleException(rule + "Party", "Den angivna parten är inte part i överenskommelsen.");
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainRuleException(rule + "Reference", "Ange beslutets referens, till exempel \"KF 2023-03-27 § 45\".");
        }

        if (decidedOn > today)
        {
            throw new DomainRuleException(rule + "Date", "Beslutsdatumet kan inte ligga i framtiden.");
        }

        if (alreadyDecided)
        {
            throw new DomainRuleException(rule + "Twice", $"{partyName} har redan ett registrerat {decision}.", RuleSeverity.Conflict);
        }

        return reference.Trim();
    }
}
