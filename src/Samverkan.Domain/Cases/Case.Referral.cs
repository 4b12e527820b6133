using Samverkan.Domain.Common;

namespace Samverkan.Domain.Cases;

// An external referral (remiss, seed 003): received with a deadline, drafted, reminded of and answered.
public sealed partial class Case
{
    /// <summary>Makes the case an external referral with its issuer, reference and reply deadline (seed 003).</summary>
    public void ReceiveAsReferral(string issuer, string? issuerReference, DateOnly receivedOn, DateOnly replyBy, Guid? drafterPersonId)
    {
        if (Kind != CaseKind.Referral)
        {
            throw new DomainRuleException("ReferralKind", "Bara ett ärende av typen extern remiss har remissuppgifter.");
        }

        if (string.IsNullOrWhiteSpace(issuer))
        {
            throw new DomainRuleException("ReferralIssuer", "Ange vilken myndighet som har skickat remissen.");
        }

        if (replyBy < receivedOn)
        {
            throw new DomainRuleException("ReferralDeadline", "Svarsdatumet kan inte ligga före datumet då remissen kom in.");
        }

        Issuer = issuer.Trim();
        IssuerReference = Clean(issuerReference);
        ReceivedOn = receivedOn;
        ReplyBy = replyBy;
        DrafterPersonId = drafterPersonId;

        // The incoming referral is the case's first document.
        if (documents.All(d => d.Direction != DocumentDirection.Incoming))
        {
            AddDocument(DocumentDirection.Incoming, Issuer, receivedOn, IssuerReference is null ? $"Remiss: {Title}" : $"Remiss {IssuerReference}: {Title}", true, null, null);
        }

        Version++;
    }

    /// <summary>A referral is overdue when its deadline has passed and no reply was sent.</summary>
    public bool IsOverdue(DateOnly today) => IsReferral && ReplySentOn is null && Status == CaseStatus.Open && ReplyBy < today;

    /// <summary>Due within 14 days and not yet answered.</summary>
    public bool IsReplyDueSoon(DateOnly today) =>
        IsReferral && ReplySentOn is null && Status == CaseStatus.Open && ReplyBy >= today && ReplyBy <= today.AddDays(ReminderDays);

    /// <summary>Records that the reply was sent; the reply itself is an outgoing document of the case.</summary>
    public CaseDocument SendReply(DateOnly sentOn, string title, string? receiver, DateOnly today, StoredFileRef? file)
    {
        if (!IsReferral)
        {
            throw new DomainRuleException("ReferralKind", "Ärendet är ingen remiss.");
        }

        if (ReplySentOn is { } sent)
        {
            throw new DomainRuleException("ReferralAnswered", $"Remissvaret skickades redan {SwedishText.Date(sent)}.", RuleSeverity.Conflict);
        }

        if (sentOn > today)
        {
            throw new DomainRuleException("ReferralReplyDate", "Svaret kan inte ha skickats i framtiden.");
        }

        if (sentOn < ReceivedOn)
        {
            throw new DomainRuleException("ReferralReplyDate", "Svaret kan inte ha skickats innan remissen kom in.");
        }

        var document = AddDocument(DocumentDirection.Outgoing, receiver ?? Issuer, sentOn, title, true, null, file);
        ReplySentOn = sentOn;
        ReplyDocumentNumber = document.Number;
        if (Status == CaseStatus.Open && steps.All(s => s.Outcome is not null))
        {
            Close(title, IssuerReference is null ? $"Svar {SwedishText.Date(sentOn)}" : $"Svar på {IssuerReference}", sentOn);
        }

        Version++;
        return document;
    }

    public void MarkReminderSent(int daysBefore)
    {
        if (daysBefore == ReminderDays)
        {
            FirstReminderSent = true;
        }
        else
        {
            LastReminderSent = true;
        }
    }
}
