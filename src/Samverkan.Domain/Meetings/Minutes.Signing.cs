using System.Security.Cryptography;
using System.Text;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Meetings;

// The way from draft to record: the chair signs, the appointed member checks the very content signed, the minutes are
// dispatched; after that only a recorded correction changes them.
public sealed partial class Minutes
{
    /// <summary>
    /// The person who chaired the meeting signs first: the chair, or a vice chair when the chair was recorded absent.
    /// <paramref name="seats"/> are the body's memberships on the meeting's day; <paramref name="signedBy"/> is how the
    /// signature reads on the minutes (the person's name and role).
    /// </summary>
    public void Sign(Membership signer, IEnumerable<Membership> seats, string signedBy, DateTimeOffset now, DateTimeOffset? meetingStartsAt = null)
    {
        if (Status != MinutesStatus.Draft)
        {
            throw new DomainRuleException("SigningOrder", "Protokollet är redan undertecknat.", RuleSeverity.Conflict);
        }

        // Minutes record a meeting that has taken place: nobody signs them before it has begun.
        if (meetingStartsAt is { } starts && now < starts)
        {
            throw new DomainRuleException("SignAfterMeeting", "Sammanträdet har inte börjat än; protokollet kan undertecknas först när sammanträdet har hållits.",
                RuleSeverity.Conflict);
        }

        if (signer.BodyId != BodyId)
        {
            throw new DomainRuleException("SignerIsChair", "Protokollet undertecknas av ordföranden.");
        }

        bool Absent(Membership m) => attendance.Any(a => a.MembershipId == m.Id && !a.Present);
        var chair = seats.FirstOrDefault(m => m.Role == MembershipRole.Chair && m.BodyId == BodyId);
        var chairAbsent = chair is not null && Absent(chair);
        if (signer.Role == MembershipRole.Chair && Absent(signer))
        {
            throw new DomainRuleException("SignerChaired",
                "Ordföranden var frånvarande vid sammanträdet; protokollet undertecknas av den vice ordförande som ledde det.");
        }

        if (signer.Role is MembershipRole.FirstViceChair or MembershipRole.ViceChair)
        {
            if (!chairAbsent || Absent(signer))
            {
                throw new DomainRuleException("SignerChaired", chairAbsent
                    ? "Vice ordföranden var också frånvarande och kan inte underteckna protokollet."
                    : "Ordföranden var närvarande och undertecknar protokollet; vice ordföranden undertecknar bara när ordföranden var frånvarande.");
            }
        }
        else if (signer.Role != MembershipRole.Chair)
        {
            throw new DomainRuleException("SignerIsChair", "Protokollet undertecknas av ordföranden, eller av vice ordföranden när ordföranden var frånvarande.");
        }

        if (items.Count == 0)
        {
            throw new DomainRuleException("MinutesEmpty", "Protokollet har inga paragrafer att underteckna.");
        }

        if (CheckerMembershipId is null)
        {
            throw new DomainRuleException("CheckerAppointed", "Utse justeraren innan protokollet undertecknas.");
        }

        Status = MinutesStatus.Signed;
        SignedBy = signedBy;
        SignedAt = now.ToUniversalTime();
        SignedHash = ContentHash();
        Version++;
    }

    /// <summary>The appointed member checks after the chair has signed; the content must be what the chair signed.</summary>
    public void Check(Membership checker, string checkedBy, DateTimeOffset now)
    {
        if (Status != MinutesStatus.Signed)
        {
            throw new DomainRuleException("SigningOrder", Status == MinutesStatus.Draft
                ? "Protokollet justeras efter att ordföranden har undertecknat det."
                : "Protokollet är redan justerat.", RuleSeverity.Conflict);
        }

        if (checker.Id != CheckerMembershipId)
        {
            throw new DomainRuleException("CheckerAppointed", "Protokollet justeras av den ledamot som utsågs till justerare vid sammanträdet.");
        }

        var hash = ContentHash();
        if (hash != SignedHash)
        {
            throw new DomainRuleException("ContentChanged", "Protokollet har ändrats efter undertecknandet och kan inte justeras.", RuleSeverity.Conflict);
        }

        Status = MinutesStatus.Checked;
        CheckedBy = checkedBy;
        CheckedAt = now.ToUniversalTime();
        CheckedHash = hash;
        Version++;
    }

    public void Dispatch(DateTimeOffset now, DateOnly today, IEnumerable<string> receivers)
    {
        if (Status != MinutesStatus.Checked)
        {
            throw new DomainRuleException("DispatchChecked", "Bara ett justerat protokoll kan expedieras.", RuleSeverity.Conflict);
        }

        Status = MinutesStatus.Dispatched;
        DispatchedAt = now.ToUniversalTime();
        DispatchedTo = string.Join("; ", receivers);
        PublishedOn = today;
        Version++;
    }

    /// <summary>After checking, a mistake is put right by a recorded correction, never by editing.</summary>
    public MinutesCorrection Correct(string text, string by, DateTimeOffset now)
    {
        if (Status is MinutesStatus.Draft or MinutesStatus.Signed)
        {
            throw new DomainRuleException("CorrectDraft", "Protokollet är inte justerat ännu; ändra det i stället.");
        }

        var correction = new MinutesCorrection(this, text, by, now);
        corrections.Add(correction);
        Version++;
        return correction;
    }

    /// <summary>SHA-256 over the minutes' content in a fixed form, hex-encoded.</summary>
    public string ContentHash()
    {
        var text = new StringBuilder();
        foreach (var a in attendance.OrderBy(a => a.MembershipId))
        {
            text.Append("närvaro|").Append(a.MembershipId).Append('|').Append(a.Present).Append('\n');
        }

        text.Append("justerare|").Append(CheckerMembershipId).Append('\n');
        foreach (var i in items.OrderBy(i => i.Paragraph))
        {
            text.Append('§').Append(i.Paragraph).Append('|').Append(i.Title).Append('|').Append(i.Discussion).Append('|').Append(i.Decision).Append('|').Append(i.Kind).Append('\n');
            foreach (var p in i.Positions.OrderBy(p => p.PartyId))
            {
                text.Append("ställning|").Append(p.PartyId).Append('|').Append(p.Position).Append('|').Append(p.Note).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
