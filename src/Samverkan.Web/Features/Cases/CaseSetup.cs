using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Cases;

/// <summary>
/// A county sets up its case register: the series its cases are numbered in and the flow templates a case's steps are
/// copied from. The template page, the API, the configuration import and the demo loader all add them here; only the
/// county's secretariat (or an administrator) may, and every body named in a step is checked against the county.
/// </summary>
public sealed class CaseSetup(AppDbContext db, Access access)
{
    public Task<CaseSeries> AddSeriesAsync(Guid countyId, SeriesRequest request, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            access.EnsureManage(countyId);
            var input = new InputCheck();
            var code = input.Required(request.Code?.Trim(), "code", "Ange seriens kod, till exempel RS.");
            if (code is not null && (code.Length > 10 || code.Any(c => !char.IsLetterOrDigit(c) && c != ' ') || code.Any(char.IsControl)))
            {
                input.Add("code", "Seriens kod är högst tio bokstäver eller siffror, till exempel RS.");
            }

            if (request.Name?.Trim() is { Length: > 200 })
            {
                input.Add("name", "Seriens namn får vara högst 200 tecken.");
            }

            var existing = await db.CaseSeries.Where(s => s.CountyId == countyId).ToListAsync(cancellationToken);
            if (code is not null && existing.Any(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)))
            {
                input.Add("code", $"Länet har redan serien {code.ToUpperInvariant()}.");
            }

            input.ThrowIfAny();
            var series = new CaseSeries(countyId, code!, request.Name ?? string.Empty);
            if (request.ForReferrals == true)
            {
                existing.ForEach(s => s.StopTakingReferrals());
                series.UseForReferrals();
            }

            db.CaseSeries.Add(series);
            await db.SaveChangesAsync(cancellationToken);
            return series;
        }, cancellationToken);

    public Task<FlowTemplate> AddTemplateAsync(Guid countyId, TemplateRequest request, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            access.EnsureManage(countyId);
            var input = new InputCheck();
            var name = input.Required(request.Name?.Trim(), "name", "Ange mallens namn.");
            if (name is { Length: > 200 })
            {
                input.Add("name", "Mallens namn får vara högst 200 tecken.");
            }

            if (name is not null && await db.FlowTemplates.AnyAsync(t => t.CountyId == countyId && t.Name == name, cancellationToken))
            {
                input.Add("name", $"Länet har redan en mall som heter {name}.");
            }

            var steps = request.Steps ?? [];
            if (steps.Count == 0)
            {
                input.Add("steps", "Mallen behöver minst ett steg.");
            }

            var bodies = await db.Bodies.Where(b => b.CountyId == countyId).ToDictionaryAsync(b => b.Id, cancellationToken);
            var template = name is null ? null : new FlowTemplate(countyId, name);
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                var field = $"steps[{i}]";
                Body? body = null;
                if (step is null)
                {
                    input.Add(field, $"Steg {i + 1} är tomt; ange organ eller varje parts fullmäktige och roll.");
                    continue;
                }
                if (step.Role is not { } role || !Enum.IsDefined(role))
                {
                    input.Add($"{field}.role", $"Steg {i + 1}: välj stegets roll (bereder, yttrar sig, beslutar eller informeras).");
                    continue;
                }

                if (step.BodyId is { } bodyId && !bodies.TryGetValue(bodyId, out body))
                {
                    input.Add($"{field}.bodyId", $"Steg {i + 1}: organet (bodyId) finns inte i länet.");
                    continue;
                }

                if (step.DueAfterDays is < 0 or > 3650)
                {
                    input.Add($"{field}.dueAfterDays", $"Steg {i + 1}: ange antal dagar efter registreringen, 0–3650.");
                    continue;
                }

                try
                {
                    FlowTemplate.EnsureStep(step.BodyId, body, step.EveryPartyCouncil ?? false, role);
                    template?.AddStep(step.BodyId, step.EveryPartyCouncil ?? false, role, step.DueAfterDays, step.MunicipalitiesOnly ?? false, body);
                }
                catch (DomainRuleException e)
                {
                    input.Add($"{field}.bodyId", $"Steg {i + 1}: {e.Message}");
                }
            }

            input.ThrowIfAny();
            db.FlowTemplates.Add(template!);
            await db.SaveChangesAsync(cancellationToken);
            return template!;
        }, cancellationToken);
}
