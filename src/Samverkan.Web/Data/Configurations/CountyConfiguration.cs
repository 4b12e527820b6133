using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Domain.Counties;

namespace Samverkan.Web.Data.Configurations;

internal sealed class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> builder)
    {
        builder.ToTable("Counties");
        builder.Property(c => c.Code).HasMaxLength(2);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => c.Code).IsUnique();
    }
}

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.ToTable("Parties");
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.MunicipalityCode).HasMaxLength(4);
        builder.Property(p => p.OrganisationNumber).HasMaxLength(11);
        builder.Property(p => p.CouncilName).HasMaxLength(100);
        builder.Property(p => p.ExecutiveBoardName).HasMaxLength(100);
        builder.Property(p => p.RegistryEmail).HasMaxLength(320);
        builder.Property(p => p.PeppolId).HasMaxLength(60);
        builder.Property(p => p.BuyerReference).HasMaxLength(100);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<County>().WithMany().HasForeignKey(p => p.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CountyId, p.Name }).IsUnique();
        builder.HasIndex(p => p.MunicipalityCode).IsUnique();
    }
}

internal sealed class PoliticalPartyConfiguration : IEntityTypeConfiguration<PoliticalParty>
{
    public void Configure(EntityTypeBuilder<PoliticalParty> builder)
    {
        builder.ToTable("PoliticalParties");
        builder.Property(p => p.Abbreviation).HasMaxLength(10);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => p.Abbreviation).IsUnique();
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.PoliticalParty).HasMaxLength(20);
        builder.HasOne<County>().WithMany().HasForeignKey(p => p.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PopulationFigureConfiguration : IEntityTypeConfiguration<PopulationFigure>
{
    public void Configure(EntityTypeBuilder<PopulationFigure> builder)
    {
        builder.ToTable("PopulationFigures");
        builder.Property(f => f.Source).HasMaxLength(200);
        builder.HasOne<Party>().WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PartyId, p.Year }).IsUnique();
        builder.HasIndex(p => new { p.CountyId, p.Year });
    }
}

internal sealed class ExecutiveBoardSeatConfiguration : IEntityTypeConfiguration<ExecutiveBoardSeat>
{
    public void Configure(EntityTypeBuilder<ExecutiveBoardSeat> builder)
    {
        builder.ToTable("ExecutiveBoardSeats");
        builder.HasOne<Party>().WithMany().HasForeignKey(s => s.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.PoliticalParty).WithMany().HasForeignKey(s => s.PoliticalPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PartyId, s.PoliticalPartyId }).IsUnique();
    }
}
