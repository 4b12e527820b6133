using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Counties;

namespace Samverkan.Web.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Series).HasMaxLength(10);
        builder.Property(c => c.CaseNumber).HasMaxLength(30);
        builder.Property(c => c.Title).HasMaxLength(500);
        builder.Property(c => c.SearchText).HasMaxLength(540);
        builder.Property(c => c.ResponsibleOfficer).HasMaxLength(200);
        builder.Property(c => c.DecisionText).HasMaxLength(4000);
        builder.Property(c => c.DecisionReference).HasMaxLength(200);
        builder.Property(c => c.Issuer).HasMaxLength(300);
        builder.Property(c => c.IssuerReference).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.CurrentStep);
        builder.HasOne<County>().WithMany().HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(c => c.ResponsibleBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.RelatedCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.DrafterPersonId).OnDelete(DeleteBehavior.Restrict);

        // Gap-free and never reused: the running number is unique per county, series and year (as invoice numbers).
        builder.HasIndex(c => new { c.CountyId, c.Series, c.Year, c.Number }).IsUnique();

        // The register's list: newest first within the county, filtered by status, kind or year.
        builder.HasIndex(c => new { c.CountyId, c.RegisteredOn });
        builder.HasIndex(c => new { c.CountyId, c.Status, c.RegisteredOn });
        builder.HasIndex(c => new { c.CountyId, c.Kind, c.RegisteredOn });
        builder.HasIndex(c => new { c.CountyId, c.CaseNumber });
        builder.HasIndex(c => new { c.CountyId, c.ReplyBy });
        builder.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> builder)
    {
        builder.ToTable("CaseSteps");
        builder.Property(s => s.Reference).HasMaxLength(200);
        builder.HasOne<Body>().WithMany().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CaseId, s.Order });
        builder.HasIndex(s => new { s.BodyId, s.Outcome });
        builder.HasIndex(s => s.AgendaItemId);
        builder.HasIndex(s => s.MinutesItemId);
        builder.HasMany(s => s.CouncilDecisions).WithOne().HasForeignKey(d => d.StepId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CouncilDecisionConfiguration : IEntityTypeConfiguration<CouncilDecision>
{
    public void Configure(EntityTypeBuilder<CouncilDecision> builder)
    {
        builder.ToTable("CouncilDecisions");
        builder.Property(d => d.Reference).HasMaxLength(200);
        builder.Property(d => d.RecordedBy).HasMaxLength(200);
        builder.HasOne<Party>().WithMany().HasForeignKey(d => d.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.StepId, d.PartyId }).IsUnique();
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> builder)
    {
        builder.ToTable("CaseDocuments");
        builder.Property(d => d.Counterpart).HasMaxLength(300);
        builder.Property(d => d.Title).HasMaxLength(500);
        builder.Property(d => d.SecrecyReference).HasMaxLength(100);
        builder.Property(d => d.FileHash).HasMaxLength(64);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.HasIndex(d => new { d.CaseId, d.Number }).IsUnique();
    }
}

internal sealed class CaseSeriesConfiguration : IEntityTypeConfiguration<CaseSeries>
{
    public void Configure(EntityTypeBuilder<CaseSeries> builder)
    {
        builder.ToTable("CaseSeries");
        builder.Property(s => s.Code).HasMaxLength(10);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasOne<County>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CountyId, s.Code }).IsUnique();
    }
}

internal sealed class FlowTemplateConfiguration : IEntityTypeConfiguration<FlowTemplate>
{
    public void Configure(EntityTypeBuilder<FlowTemplate> builder)
    {
        builder.ToTable("FlowTemplates");
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasOne<County>().WithMany().HasForeignKey(t => t.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.CountyId);
        builder.OwnsMany(t => t.Steps, step =>
        {
            step.ToTable("FlowTemplateSteps");
            step.WithOwner().HasForeignKey("FlowTemplateId");
            step.Property<int>("Id");
            step.HasKey("Id");
            step.HasOne<Body>().WithMany().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(t => t.Steps).HasField("steps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
