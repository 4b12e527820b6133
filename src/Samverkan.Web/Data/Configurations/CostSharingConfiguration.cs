using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;

namespace Samverkan.Web.Data.Configurations;

internal sealed class CostModelConfiguration : IEntityTypeConfiguration<CostModel>
{
    public void Configure(EntityTypeBuilder<CostModel> builder)
    {
        builder.ToTable("CostModels");
        builder.Property(m => m.BaseLevel).HasPrecision(18, 2);
        builder.Property(m => m.BaseLabel).HasMaxLength(200);
        builder.Property(m => m.ReceivableAccount).HasMaxLength(4);
        builder.Property(m => m.RevenueAccount).HasMaxLength(4);
        builder.Property(m => m.Bankgiro).HasMaxLength(20);
        builder.Property(m => m.VatCategory).HasMaxLength(2);
        builder.Property(m => m.VatRate).HasPrecision(5, 2);
        builder.Property(m => m.VatExemptionReason).HasMaxLength(300);
        builder.Property(m => m.IndexSeries).HasMaxLength(20);
        builder.Property(m => m.InvoiceSection).HasMaxLength(100);
        builder.Ignore(m => m.IndexReferenceDay);
        builder.Ignore(m => m.AgreedUpliftDeadline);
        builder.Ignore(m => m.FirstDue);
        builder.Ignore(m => m.SecondDue);
        builder.Ignore(m => m.Terms);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Agreement>().WithMany().HasForeignKey(m => m.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.AgreementId).IsUnique();
        builder.HasMany(m => m.Rules).WithOne().HasForeignKey(r => r.CostModelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CostYearRuleConfiguration : IEntityTypeConfiguration<CostYearRule>
{
    public void Configure(EntityTypeBuilder<CostYearRule> builder)
    {
        builder.ToTable("CostYearRules");
        builder.Property(r => r.Value).HasPrecision(18, 4);
        builder.Property(r => r.IndexSeries).HasMaxLength(20);
        builder.Property(r => r.DecisionReference).HasMaxLength(200);
        builder.HasIndex(r => new { r.CostModelId, r.Year }).IsUnique();
    }
}

internal sealed class IndexValueConfiguration : IEntityTypeConfiguration<IndexValue>
{
    public void Configure(EntityTypeBuilder<IndexValue> builder)
    {
        builder.ToTable("IndexValues");
        builder.Property(v => v.Series).HasMaxLength(20);
        builder.Property(v => v.ChangePercent).HasPrecision(9, 4);
        builder.Property(v => v.Source).HasMaxLength(200);
        builder.HasIndex(v => new { v.Series, v.Year }).IsUnique();
    }
}

internal sealed class FormerFeeConfiguration : IEntityTypeConfiguration<FormerFee>
{
    public void Configure(EntityTypeBuilder<FormerFee> builder)
    {
        builder.ToTable("FormerFees");
        builder.Property(f => f.Amount).HasPrecision(18, 2);
        builder.Property(f => f.Description).HasMaxLength(200);
        builder.HasOne<Party>().WithMany().HasForeignKey(f => f.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("Invoices");
        builder.Property(i => i.Number).HasMaxLength(20);
        builder.Property(i => i.Amount).HasPrecision(18, 2);
        builder.Property(i => i.Description).HasMaxLength(500);
        builder.HasOne<Party>().WithMany().HasForeignKey(i => i.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(i => i.AgreementId).OnDelete(DeleteBehavior.Restrict);

        // Gap-free and never reused: one number per place in the county's series for the year.
        builder.HasIndex(i => new { i.CountyId, i.Year, i.Sequence }).IsUnique();

        // Raising an instalment twice creates nothing new (corrections have no instalment, so are not limited).
        builder.HasIndex(i => new { i.AgreementId, i.PartyId, i.Year, i.Instalment, i.Kind }).IsUnique();
    }
}

internal sealed class InvoiceSeriesConfiguration : IEntityTypeConfiguration<InvoiceSeries>
{
    public void Configure(EntityTypeBuilder<InvoiceSeries> builder)
    {
        builder.ToTable("InvoiceSeries");
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.CountyId, s.Year }).IsUnique();
    }
}

internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> builder)
    {
        builder.ToTable("Scenarios");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Level).HasPrecision(18, 2);
        builder.Property(s => s.UpliftPercent).HasPrecision(9, 4);
        builder.Property(s => s.EqualPercent).HasPrecision(9, 4);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.HasOne<County>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.CountyId);
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("Projects");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Total).HasPrecision(18, 2);
        builder.Property(p => p.RegionPercent).HasPrecision(9, 4);
        builder.Property(p => p.EqualPercent).HasPrecision(9, 4);
        builder.Property(p => p.DecisionReference).HasMaxLength(200);
        builder.HasOne<County>().WithMany().HasForeignKey(p => p.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.CountyId);
    }
}
