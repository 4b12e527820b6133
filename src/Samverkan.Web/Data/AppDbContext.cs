using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Funds;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Data;

/// <summary>
/// The application's model. The app runs on a provider-specific subclass (<see cref="SqliteAppDbContext"/> or
/// <see cref="PostgresAppDbContext"/>) that owns that engine's migrations; everything else injects this type.
/// It also holds the data-protection key ring, so every instance on one database shares the keys.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<County> Counties => Set<County>();

    public DbSet<Party> Parties => Set<Party>();

    public DbSet<PoliticalParty> PoliticalParties => Set<PoliticalParty>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PopulationFigure> PopulationFigures => Set<PopulationFigure>();

    public DbSet<ExecutiveBoardSeat> ExecutiveBoardSeats => Set<ExecutiveBoardSeat>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<PartyContract> PartyContracts => Set<PartyContract>();

    public DbSet<Fund> Funds => Set<Fund>();

    public DbSet<Initiative> Initiatives => Set<Initiative>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<Domain.Cases.Case> Cases => Set<Domain.Cases.Case>();

    public DbSet<Domain.Cases.CaseStep> CaseSteps => Set<Domain.Cases.CaseStep>();

    public DbSet<Domain.Cases.CaseSeries> CaseSeries => Set<Domain.Cases.CaseSeries>();

    public DbSet<Domain.Cases.FlowTemplate> FlowTemplates => Set<Domain.Cases.FlowTemplate>();

    public DbSet<CountyGoal> CountyGoals => Set<CountyGoal>();

    public DbSet<OutcomeReport> OutcomeReports => Set<OutcomeReport>();

    public DbSet<OutcomeReminder> OutcomeReminders => Set<OutcomeReminder>();

    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<GroupCharter> GroupCharters => Set<GroupCharter>();

    public DbSet<GroupReport> GroupReports => Set<GroupReport>();

    public DbSet<CostModel> CostModels => Set<CostModel>();

    public DbSet<IndexValue> IndexValues => Set<IndexValue>();

    public DbSet<FormerFee> FormerFees => Set<FormerFee>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Scenario> Scenarios => Set<Scenario>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<InvoiceSeries> InvoiceSeries => Set<InvoiceSeries>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<ExtraMeetingRequest> ExtraMeetingRequests => Set<ExtraMeetingRequest>();

    public DbSet<Minutes> Minutes => Set<Minutes>();

    public DbSet<PartyDecision> PartyDecisions => Set<PartyDecision>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Infrastructure.Documents.StoredFile> StoredFiles => Set<Infrastructure.Documents.StoredFile>();

    public DbSet<Infrastructure.Documents.AgendaDocument> AgendaDocuments => Set<Infrastructure.Documents.AgendaDocument>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Infrastructure.Caching.DataVersion> DataVersions => Set<Infrastructure.Caching.DataVersion>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the data reads without the code.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Domain objects get their Guid in the constructor. Telling EF the key is never generated makes a new child
        // added to a loaded aggregate an insert rather than an update of a row that does not exist.
        foreach (var key in builder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid)))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }
}
