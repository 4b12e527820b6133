using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;

namespace Samverkan.Domain.Agreements;

/// <summary>The agreement as a draft the secretariat rewrites, and adoptions struck out as recorded in error.</summary>
public sealed partial class Agreement
{
    /// <summary>
    /// The text's section headings, in order: every line that starts with "§" and a number ("§ 4 Ekonomi"), so that a
    /// document such as the invoice cites the agreement's own section.
    /// </summary>
    public IReadOnlyList<string> Sections => Text.Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 2 && line[0] == '§' && char.IsDigit(line.TrimStart('§', ' ')[0]))
        .Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        .ToList();

    /// <summary>A draft is freely editable until the first council adopts the agreement itself; after that only by amendment.</summary>
    public bool IsEditableDraft => adoptions.All(a => a.AmendmentId is not null || a.SupplementId is not null);

    /// <summary>
    /// Rewrites the draft: title, text, period, case number and parties. Refused once a council has adopted it, since
    /// the council adopted that text; reviews not yet held follow the new period.
    /// </summary>
    public void Redraft(string title, string text, DateOnly validFrom, DateOnly? validTo, string? caseNumber, IReadOnlyCollection<Party> newParties)
    {
        if (!IsEditableDraft)
        {
            throw new DomainRuleException("AgreementAdopted",
                "Överenskommelsen har redan antagits av minst ett fullmäktige och kan bara ändras genom en ändring som alla parter antar.", RuleSeverity.Conflict);
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("AgreementTitle", "Överenskommelsen måste ha en rubrik.");
        }

        if (validTo is { } end && end < validFrom)
        {
            throw new DomainRuleException("AgreementPeriod", "Slutdatumet kan inte ligga före startdatumet.");
        }

        if (newParties.FirstOrDefault(p => p.CountyId != CountyId) is { } stranger)
        {
            throw new DomainRuleException("AgreementPartyCounty", $"{stranger.Name} hör inte till länet.");
        }

        if (newParties.Count < 2)
        {
            throw new DomainRuleException("AgreementParties", "En överenskommelse måste ha minst två parter.");
        }

        Title = title.Trim();
        Text = text;
        ValidFrom = validFrom;
        ValidTo = validTo;
        CaseNumber = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim();
        parties.RemoveAll(p => newParties.All(n => n.Id != p.PartyId));
        foreach (var party in newParties.Where(n => parties.All(p => p.PartyId != n.Id)))
        {
            parties.Add(new AgreementParty(this, party));
        }

        var years = RelevanceReview.Years(validFrom, validTo);
        reviews.RemoveAll(r => r.HeldOn is null && !years.Contains(r.Year));
        foreach (var year in years.Where(y => reviews.All(r => r.Year != y)))
        {
            reviews.Add(new RelevanceReview(this, year));
        }

        Version++;
    }

    /// <summary>
    /// Strikes out an adoption recorded in error (the wrong party, a decision that was not taken), with the reason; the
    /// struck decision stays in the record. The agreement's state then follows from the adoptions that remain.
    /// </summary>
    public StruckAdoption StrikeAdoption(Guid adoptionId, string reason, DateOnly today, string by)
    {
        var adoption = adoptions.FirstOrDefault(a => a.Id == adoptionId)
            ?? throw new DomainRuleException("AdoptionMissing", "Antagandebeslutet finns inte i överenskommelsen.");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("StrikeReason", "Ange varför beslutet stryks.");
        }

        adoptions.Remove(adoption);
        var entry = new StruckAdoption(this, adoption, reason.Trim(), today, by);
        struck.Add(entry);
        Version++;
        return entry;
    }
}
