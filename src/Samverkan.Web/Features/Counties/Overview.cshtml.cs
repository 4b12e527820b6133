using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Agreements;
using Samverkan.Web.Features.Bodies;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Counties;

/// <summary>The county start page: where each agreement stands, the bodies and whether they are composed by the rules, what needs attention.</summary>
public sealed class OverviewModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public Dictionary<Guid, int> Violations { get; } = [];

    public List<(string Text, string Link)> Attention { get; } = [];

    public string RegionName { get; private set; } = "regionen";

    public int MunicipalityCount { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        var parties = await CountyQueries.PartiesAsync(db, County.Id);
        RegionName = parties.FirstOrDefault(p => p.Kind == PartyKind.Region)?.Name ?? RegionName;
        MunicipalityCount = parties.Count(p => p.Kind == PartyKind.Municipality);
        Agreements = (await db.Agreements.AsNoTracking().WithDetails().Where(a => a.CountyId == County.Id).ToListAsync())
            .OrderBy(a => a.ValidFrom).ToList();
        Bodies = BodyQueries.Ordered(await db.Bodies.AsNoTracking().WithMembers().Where(b => b.CountyId == County.Id).ToListAsync()).ToList();

        foreach (var agreement in Agreements)
        {
            var link = $"/counties/{County.Code}/agreements/{agreement.Id}";
            var state = agreement.StateOn(Today);
            if (state.Status is AgreementStatus.Draft or AgreementStatus.Adopting)
            {
                var pending = AgreementQueries.AdoptionMatrix(agreement).Where(r => r.Adoption is null).Select(r => r.Party.Name).ToList();
                if (pending.Count > 0)
                {
                    Attention.Add(($"{agreement.Title}: antagandebeslut saknas från {string.Join(", ", pending)}.", link));
                }
            }

            foreach (var amendment in agreement.Amendments.Where(a => agreement.AmendmentStatusOf(a) == AmendmentStatus.Pending))
            {
                Attention.Add(($"Ändringen \"{amendment.Title}\" väntar på antagande av alla parter; den gamla lydelsen gäller tills dess.", link));
            }

            foreach (var withdrawal in agreement.Withdrawals.Where(w => w.EffectiveOn > Today))
            {
                Attention.Add(($"{agreement.Title} upphör {Domain.Common.SwedishText.Date(withdrawal.EffectiveOn)} efter en uppsägning.", link));
            }
        }

        var composition = await BodyQueries.CompositionContextAsync(db, County.Id);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.CountyId == County.Id).ToListAsync();
        var overdueReports = (await db.GroupReports.AsNoTracking().Where(r => r.CountyId == County.Id && r.ReceivedOn == null).ToListAsync()).Where(r => r.IsOverdue(Today)).ToList();
        foreach (var body in Bodies)
        {
            var years = Today.Month >= 10 ? new[] { Today.Year, Today.Year + 1 } : [Today.Year];
            foreach (var year in years)
            {
                var plan = MeetingPlan.For(body.Rules, year, meetings.Where(m => m.BodyId == body.Id), Infrastructure.Clock.Sweden);
                if (!plan.MeetsMinimum)
                {
                    Attention.Add(($"{body.Name}: {Domain.Common.SwedishText.Count(plan.Planned, "sammanträde", "sammanträden")} planerade {year}, men minst {plan.Minimum} ska hållas.", $"/counties/{County.Code}/bodies/{body.Id}"));
                }
            }

            foreach (var report in overdueReports.Where(r => r.BodyId == body.Id))
            {
                Attention.Add(($"{body.Name}: återrapporten till beredningen skulle ha lämnats senast {Domain.Common.SwedishText.Date(report.DueOn)}.", $"/counties/{County.Code}/bodies/{body.Id}"));
            }

            var violations = composition.Check(body, Today);
            Violations[body.Id] = violations.Count;
            if (violations.Count > 0)
            {
                Attention.Add(($"{body.Name}: sammansättningen avviker från reglerna på {Domain.Common.SwedishText.Count(violations.Count, "punkt", "punkter")}.", $"/counties/{County.Code}/bodies/{body.Id}"));
            }

            if (body.TermOn(Today) is { } term && term.EndsOn.DayNumber - Today.DayNumber is >= 0 and <= 60)
            {
                Attention.Add(($"{body.Name}: mandatperioden slutar {Domain.Common.SwedishText.Date(term.EndsOn)}; nya ledamöter behöver utses.", $"/counties/{County.Code}/bodies/{body.Id}"));
            }
        }
    }
}
