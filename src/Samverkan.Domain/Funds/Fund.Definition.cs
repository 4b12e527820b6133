using Samverkan.Domain.Common;

namespace Samverkan.Domain.Funds;

/// <summary>
/// The fund's definition as the supplement sets it out: its name, who decides on its money, how long it takes new
/// decisions, its own criteria, and its opening (the sources and their amounts on the opening day).
/// </summary>
/// <remarks>
/// What a secretariat may change later, and why. The name, the deciding party, the end date and the criteria may be
/// changed at any time: they are words about the fund, not money. A preparation keeps the text of every criterion it
/// answered (<see cref="CriterionAnswer.Criterion"/>), so an initiative prepared under an older list still reads as it
/// was answered, and only preparations made after the change answer the new list. The opening (sources, amounts, the
/// opening day) is the ledger's first entries: it may be rewritten only while nothing else has happened on the fund (no
/// decision, payment or correction, no closed year), since until then nothing has been reported from it; after that a
/// mistake is put right as every ledger mistake is, by a correction.
/// </remarks>
public sealed partial class Fund
{
    /// <summary>The party whose decision turns a granted initiative into a commitment (seed 004: the region).</summary>
    public Guid? DecidingPartyId { get; private set; }

    /// <summary>The last day the fund takes new decisions; null for until further notice (it still ends with the agreement, or when spent).</summary>
    public DateOnly? ValidUntil { get; private set; }

    /// <summary>
    /// The fund's own criteria, in order: a preparation answers exactly these, one by one, and keeps each one's text with
    /// its answer, so later changes to the list leave earlier preparations as they were.
    /// </summary>
    public List<string> Criteria { get; private set; }

    /// <summary>Whether the opening may still be rewritten: nothing but the opening has happened on the fund.</summary>
    public bool OpeningIsOpen => YearClosings.Count == 0 && entries.All(e => e.Kind == LedgerEntryKind.Opening);

    /// <summary>Changes the words of the definition; allowed at any time (see the remarks on the class).</summary>
    public void Redefine(string name, Guid? decidingPartyId, DateOnly? validUntil, IEnumerable<string> criteria)
    {
        if (validUntil is { } until && until < OpenedOn)
        {
            throw new DomainRuleException("FundValidUntil", "Fonden kan inte sluta gälla före öppningsdagen.");
        }

        Define(name, decidingPartyId, validUntil, criteria);
        Version++;
    }

    /// <summary>
    /// Rewrites the opening (sources, amounts and the opening day) while nothing else has happened on the fund; returns
    /// the opening entries it replaced, for the caller to delete.
    /// </summary>
    public IReadOnlyList<LedgerEntry> Reopen(DateOnly openedOn, IEnumerable<(string Name, decimal Amount)> newSources, string recordedBy)
    {
        var proposed = newSources.Select(s => (Name: s.Name.Trim(), s.Amount)).ToList();
        var current = sources.Select(s => (s.Name, s.Amount)).ToList();
        if (openedOn == OpenedOn && proposed.SequenceEqual(current))
        {
            return [];
        }

        if (!OpeningIsOpen)
        {
            throw new DomainRuleException("FundOpeningFixed",
                "Fondens källor, belopp och öppningsdag kan inte ändras när något annat har bokförts i fonden eller ett år är stängt; rätta i stället med en rättelsepost.",
                RuleSeverity.Conflict);
        }

        var replaced = entries.ToList();
        entries.Clear();
        sources.Clear();
        Open(openedOn, proposed, recordedBy);
        return replaced;
    }

    private void Define(string name, Guid? decidingPartyId, DateOnly? validUntil, IEnumerable<string> criteria)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("FundName", "Fonden måste ha ett namn.");
        }

        var list = criteria.Select(c => c.Trim()).ToList();
        if (list.Any(c => c.Length == 0))
        {
            throw new DomainRuleException("FundCriteria", "Ett kriterium kan inte vara tomt.");
        }

        if (list.Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            throw new DomainRuleException("FundCriteriaTwice", "Samma kriterium står två gånger.");
        }

        Name = name.Trim();
        DecidingPartyId = decidingPartyId;
        ValidUntil = validUntil;
        Criteria = list;
    }

    private void Open(DateOnly openedOn, IEnumerable<(string Name, decimal Amount)> opening, string recordedBy)
    {
        if (ValidUntil is { } until && until < openedOn)
        {
            throw new DomainRuleException("FundValidUntil", "Fonden kan inte sluta gälla före öppningsdagen.");
        }

        OpenedOn = openedOn;
        foreach (var (sourceName, amount) in opening)
        {
            if (string.IsNullOrWhiteSpace(sourceName))
            {
                throw new DomainRuleException("FundSourceName", "Varje källa måste ha ett namn.");
            }

            EnsureAmount(amount);
            var source = new FundSource(this, sourceName, amount);
            sources.Add(source);
            Append(openedOn, LedgerEntryKind.Opening, LedgerEntryKind.Opening, amount, null, source.Name, recordedBy);
        }

        if (sources.Count == 0)
        {
            throw new DomainRuleException("FundSources", "Fonden måste ha minst en källa med ett ingående belopp.");
        }
    }
}
