using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.Property(m => m.Location).HasMaxLength(300);
        builder.Property(m => m.NoticeSentBy).HasMaxLength(256);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Body>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.BodyId);
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("AgendaItems");
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.CaseReference).HasMaxLength(50);
        builder.Property(a => a.Presenter).HasMaxLength(200);
        builder.Property(a => a.Topic).HasMaxLength(200);
        builder.HasIndex(a => new { a.MeetingId, a.Number }).IsUnique();
        builder.HasOne<Samverkan.Domain.Cases.Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CaseId);
    }
}

internal sealed class ExtraMeetingRequestConfiguration : IEntityTypeConfiguration<ExtraMeetingRequest>
{
    public void Configure(EntityTypeBuilder<ExtraMeetingRequest> builder)
    {
        builder.ToTable("ExtraMeetingRequests");
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.HasOne<Body>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Membership>().WithMany().HasForeignKey(r => r.MembershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.BodyId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Property(m => m.AttachmentContentType).HasMaxLength(100);
        builder.Property(m => m.ClaimedBy).HasMaxLength(40);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.HasIndex(f => f.Token).IsUnique();
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<Infrastructure.Documents.StoredFile>
{
    public void Configure(EntityTypeBuilder<Infrastructure.Documents.StoredFile> builder)
    {
        builder.ToTable("StoredFiles");
        builder.HasKey(f => f.Hash);
        builder.Property(f => f.Hash).HasMaxLength(64);
    }
}

internal sealed class AgendaDocumentConfiguration : IEntityTypeConfiguration<Infrastructure.Documents.AgendaDocument>
{
    public void Configure(EntityTypeBuilder<Infrastructure.Documents.AgendaDocument> builder)
    {
        builder.ToTable("AgendaDocuments");
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.UploadedBy).HasMaxLength(256);
        builder.Property(d => d.Hash).HasMaxLength(64);
        builder.HasOne<Infrastructure.Documents.StoredFile>().WithMany().HasForeignKey(d => d.Hash).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.MeetingId);
    }
}
