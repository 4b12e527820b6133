using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Funds;
using Samverkan.Domain.Meetings;

namespace Samverkan.Web.Data.Configurations;

internal sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> builder)
    {
        builder.ToTable("Funds");
        builder.Property(f => f.Name).HasMaxLength(200);

        // Every ledger movement raises it: two decisions on one fund at once cannot both pass (issue 10).
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne<County>().WithMany().HasForeignKey(f => f.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(f => f.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplement>().WithMany().HasForeignKey(f => f.SupplementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.CountyId);
        builder.HasMany(f => f.Sources).WithOne().HasForeignKey(s => s.FundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Entries).WithOne().HasForeignKey(e => e.FundId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(f => f.ClosedThroughYear);
        builder.Ignore(f => f.OpeningIsOpen);
        builder.HasOne<Party>().WithMany().HasForeignKey(f => f.DecidingPartyId).OnDelete(DeleteBehavior.Restrict);

        // The fund's own criteria, in order, as one JSON list: always read and written whole.
        builder.PrimitiveCollection(f => f.Criteria).ElementType().HasMaxLength(500);
        builder.OwnsMany(f => f.YearClosings, c =>
        {
            c.ToJson();
            c.Property(x => x.ClosedBy).HasMaxLength(200);
        });
    }
}

internal sealed class FundSourceConfiguration : IEntityTypeConfiguration<FundSource>
{
    public void Configure(EntityTypeBuilder<FundSource> builder)
    {
        builder.ToTable("FundSources");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Amount).HasPrecision(18, 2);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.Property(e => e.Amount).HasPrecision(18, 2);
        builder.Property(e => e.Reference).HasMaxLength(200);
        builder.Property(e => e.RecordedBy).HasMaxLength(200);
        builder.HasIndex(e => new { e.FundId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.FundId, e.Date });
        builder.HasIndex(e => e.InitiativeId);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(e => e.InitiativeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.ToTable("Initiatives");
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Purpose).HasMaxLength(4000);
        builder.Property(i => i.Assessment).HasMaxLength(4000);
        builder.Property(i => i.FinalReport).HasMaxLength(8000);
        builder.Property(i => i.DecisionReference).HasMaxLength(200);
        builder.Property(i => i.Budget).HasPrecision(18, 2);
        builder.Property(i => i.DecidedAmount).HasPrecision(18, 2);
        builder.HasOne<Fund>().WithMany().HasForeignKey(i => i.FundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(i => i.ProposingPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.FundId);
        builder.HasIndex(i => i.CountyId);
        builder.OwnsMany(i => i.Criteria, c =>
        {
            c.ToJson();
            c.Property(x => x.Criterion).HasMaxLength(500);
            c.Property(x => x.Comment).HasMaxLength(2000);
        });
        builder.HasMany(i => i.Stands).WithOne().HasForeignKey(s => s.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.OutcomeReports).WithOne().HasForeignKey(r => r.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.RecipientName).HasMaxLength(300);
        builder.Property(i => i.RecipientOrganisationNumber).HasMaxLength(11);
        builder.Property(i => i.ContactName).HasMaxLength(200);
        builder.Property(i => i.ContactEmail).HasMaxLength(320);
        builder.ComplexProperty(i => i.PlannedLeverage, LeverageConfiguration.Columns("Planned"));
        builder.HasOne<Meeting>().WithMany().HasForeignKey(i => i.CouncilMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MinutesItem>().WithMany().HasForeignKey(i => i.CouncilMinutesItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class LeverageConfiguration
{
    /// <summary>The four amounts as columns with a prefix: PlannedBusiness, ObtainedEu, ...</summary>
    public static Action<ComplexPropertyBuilder<Leverage>> Columns(string prefix) => l =>
    {
        l.Property(x => x.Business).HasColumnName(prefix + "Business").HasPrecision(18, 2);
        l.Property(x => x.State).HasColumnName(prefix + "State").HasPrecision(18, 2);
        l.Property(x => x.Eu).HasColumnName(prefix + "Eu").HasPrecision(18, 2);
        l.Property(x => x.Other).HasColumnName(prefix + "Other").HasPrecision(18, 2);
    };
}

internal sealed class CountyGoalConfiguration : IEntityTypeConfiguration<CountyGoal>
{
    public void Configure(EntityTypeBuilder<CountyGoal> builder)
    {
        builder.ToTable("CountyGoals");
        builder.Property(g => g.Document).HasMaxLength(200);
        builder.Property(g => g.Text).HasMaxLength(500);
        builder.HasOne<County>().WithMany().HasForeignKey(g => g.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.CountyId, g.Order });
        builder.HasOne<Fund>().WithMany().HasForeignKey(g => g.FundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutcomeReportConfiguration : IEntityTypeConfiguration<OutcomeReport>
{
    public void Configure(EntityTypeBuilder<OutcomeReport> builder)
    {
        builder.ToTable("OutcomeReports");
        builder.Property(r => r.Progress).HasMaxLength(4000);
        builder.Property(r => r.Results).HasMaxLength(4000);
        builder.Property(r => r.NextSteps).HasMaxLength(4000);
        builder.Property(r => r.SubmittedBy).HasMaxLength(200);
        builder.Ignore(r => r.DueOn);
        builder.ComplexProperty(r => r.Obtained, LeverageConfiguration.Columns("Obtained"));
        builder.HasIndex(r => new { r.InitiativeId, r.Year }).IsUnique();
        builder.HasIndex(r => r.CountyId);
    }
}

internal sealed class OutcomeReminderConfiguration : IEntityTypeConfiguration<OutcomeReminder>
{
    public void Configure(EntityTypeBuilder<OutcomeReminder> builder)
    {
        builder.ToTable("OutcomeReminders");

        // The claim: one reminder per initiative and year, however many instances look at once.
        builder.HasIndex(r => new { r.InitiativeId, r.Year }).IsUnique();
        builder.HasOne<Initiative>().WithMany().HasForeignKey(r => r.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InitiativeStandConfiguration : IEntityTypeConfiguration<InitiativeStand>
{
    public void Configure(EntityTypeBuilder<InitiativeStand> builder)
    {
        builder.ToTable("InitiativeStands");
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.HasIndex(s => new { s.InitiativeId, s.PartyId }).IsUnique();
        builder.HasOne<Party>().WithMany().HasForeignKey(s => s.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}
