using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samverkan.Web.Data.Migrations;

/// <summary>
/// The first schema: counties, parties, agreements, bodies, accounts, audit and data-protection keys.
/// Written by hand (EF's design tools do not restore here) and provider-neutral: no column types are given,
/// so SQLite and PostgreSQL each map the CLR type. MigratedSchemaTests proves both match the model.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122120000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                CountyId = table.Column<Guid>(nullable: true),
                PartyId = table.Column<Guid>(nullable: true),
                MembershipId = table.Column<Guid>(nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                At = table.Column<DateTimeOffset>(nullable: false),
                CountyId = table.Column<Guid>(nullable: true),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: false),
                EntityType = table.Column<string>(maxLength: 100, nullable: false),
                EntityId = table.Column<string>(maxLength: 100, nullable: false),
                Action = table.Column<string>(maxLength: 20, nullable: false),
                Before = table.Column<string>(nullable: true),
                After = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Counties",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 2, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Counties", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "PoliticalParties",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Abbreviation = table.Column<string>(maxLength: 10, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PoliticalParties", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Agreements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Text = table.Column<string>(nullable: false),
                CaseNumber = table.Column<string>(maxLength: 50, nullable: true),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                ValidTo = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Agreements", x => x.Id);
                table.ForeignKey(
                    name: "FK_Agreements_Counties_CountyId",
                    column: x => x.CountyId,
                    principalTable: "Counties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Parties",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                MunicipalityCode = table.Column<string>(maxLength: 4, nullable: true),
                OrganisationNumber = table.Column<string>(maxLength: 11, nullable: false),
                CouncilName = table.Column<string>(maxLength: 100, nullable: false),
                ExecutiveBoardName = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Parties", x => x.Id);
                table.ForeignKey(
                    name: "FK_Parties_Counties_CountyId",
                    column: x => x.CountyId,
                    principalTable: "Counties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                FirstName = table.Column<string>(maxLength: 100, nullable: false),
                LastName = table.Column<string>(maxLength: 100, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_People", x => x.Id);
                table.ForeignKey(
                    name: "FK_People_Counties_CountyId",
                    column: x => x.CountyId,
                    principalTable: "Counties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Amendments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Text = table.Column<string>(nullable: false),
                ProposedOn = table.Column<DateOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Amendments", x => x.Id);
                table.ForeignKey(
                    name: "FK_Amendments_Agreements_AgreementId",
                    column: x => x.AgreementId,
                    principalTable: "Agreements",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Supplements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Description = table.Column<string>(nullable: false),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                Reference = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Supplements", x => x.Id);
                table.ForeignKey(
                    name: "FK_Supplements_Agreements_AgreementId",
                    column: x => x.AgreementId,
                    principalTable: "Agreements",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AgreementParties",
            columns: table => new
            {
                AgreementId = table.Column<Guid>(nullable: false),
                PartyId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgreementParties", x => new { x.AgreementId, x.PartyId });
                table.ForeignKey(
                    name: "FK_AgreementParties_Agreements_AgreementId",
                    column: x => x.AgreementId,
                    principalTable: "Agreements",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AgreementParties_Parties_PartyId",
                    column: x => x.PartyId,
                    principalTable: "Parties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Bodies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ShortName = table.Column<string>(maxLength: 30, nullable: true),
                OwnerPartyId = table.Column<Guid>(nullable: true),
                ParentBodyId = table.Column<Guid>(nullable: true),
                Version = table.Column<int>(nullable: false),
                Rules_AllowsSubstitutes = table.Column<bool>(nullable: false),
                Rules_CompositionRules = table.Column<string>(maxLength: 40, nullable: false),
                Rules_MaxMembers = table.Column<int>(nullable: true),
                Rules_MinMeetingsPerYear = table.Column<int>(nullable: false),
                Rules_MinMembers = table.Column<int>(nullable: true),
                Rules_NoticeDaysBefore = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Bodies", x => x.Id);
                table.ForeignKey(
                    name: "FK_Bodies_Bodies_ParentBodyId",
                    column: x => x.ParentBodyId,
                    principalTable: "Bodies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Bodies_Counties_CountyId",
                    column: x => x.CountyId,
                    principalTable: "Counties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Bodies_Parties_OwnerPartyId",
                    column: x => x.OwnerPartyId,
                    principalTable: "Parties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ExecutiveBoardSeats",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                PartyId = table.Column<Guid>(nullable: false),
                PoliticalPartyId = table.Column<Guid>(nullable: false),
                Seats = table.Column<int>(nullable: false),
                Side = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExecutiveBoardSeats", x => x.Id);
                table.ForeignKey(
                    name: "FK_ExecutiveBoardSeats_Parties_PartyId",
                    column: x => x.PartyId,
                    principalTable: "Parties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ExecutiveBoardSeats_PoliticalParties_PoliticalPartyId",
                    column: x => x.PoliticalPartyId,
                    principalTable: "PoliticalParties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PopulationFigures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                PartyId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Population = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PopulationFigures", x => x.Id);
                table.ForeignKey(
                    name: "FK_PopulationFigures_Parties_PartyId",
                    column: x => x.PartyId,
                    principalTable: "Parties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Withdrawals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                PartyId = table.Column<Guid>(nullable: false),
                DecidedOn = table.Column<DateOnly>(nullable: false),
                EffectiveOn = table.Column<DateOnly>(nullable: false),
                Reference = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Withdrawals", x => x.Id);
                table.ForeignKey(
                    name: "FK_Withdrawals_Agreements_AgreementId",
                    column: x => x.AgreementId,
                    principalTable: "Agreements",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Withdrawals_Parties_PartyId",
                    column: x => x.PartyId,
                    principalTable: "Parties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Adoptions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                PartyId = table.Column<Guid>(nullable: false),
                AmendmentId = table.Column<Guid>(nullable: true),
                DecidedOn = table.Column<DateOnly>(nullable: false),
                Reference = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Adoptions", x => x.Id);
                table.ForeignKey(
                    name: "FK_Adoptions_Agreements_AgreementId",
                    column: x => x.AgreementId,
                    principalTable: "Agreements",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Adoptions_Amendments_AmendmentId",
                    column: x => x.AmendmentId,
                    principalTable: "Amendments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Adoptions_Parties_PartyId",
                    column: x => x.PartyId,
                    principalTable: "Parties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Memberships",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BodyId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                AppointingPartyId = table.Column<Guid>(nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                PoliticalPartyId = table.Column<Guid>(nullable: true),
                Side = table.Column<string>(maxLength: 40, nullable: true),
                Office = table.Column<string>(maxLength: 40, nullable: false),
                OfficeTitle = table.Column<string>(maxLength: 200, nullable: true),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Memberships", x => x.Id);
                table.ForeignKey(
                    name: "FK_Memberships_Bodies_BodyId",
                    column: x => x.BodyId,
                    principalTable: "Bodies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Memberships_Parties_AppointingPartyId",
                    column: x => x.AppointingPartyId,
                    principalTable: "Parties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Memberships_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Memberships_PoliticalParties_PoliticalPartyId",
                    column: x => x.PoliticalPartyId,
                    principalTable: "PoliticalParties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "TermsOfOffice",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BodyId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: false),
                DeviationReference = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TermsOfOffice", x => x.Id);
                table.ForeignKey(
                    name: "FK_TermsOfOffice_Bodies_BodyId",
                    column: x => x.BodyId,
                    principalTable: "Bodies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Adoptions_AgreementId_PartyId_AmendmentId",
            table: "Adoptions",
            columns: new[] { "AgreementId", "PartyId", "AmendmentId" });

        migrationBuilder.CreateIndex(
            name: "IX_Adoptions_AmendmentId",
            table: "Adoptions",
            column: "AmendmentId");

        migrationBuilder.CreateIndex(
            name: "IX_Adoptions_PartyId",
            table: "Adoptions",
            column: "PartyId");

        migrationBuilder.CreateIndex(
            name: "IX_AgreementParties_PartyId",
            table: "AgreementParties",
            column: "PartyId");

        migrationBuilder.CreateIndex(
            name: "IX_Agreements_CountyId",
            table: "Agreements",
            column: "CountyId");

        migrationBuilder.CreateIndex(
            name: "IX_Amendments_AgreementId",
            table: "Amendments",
            column: "AgreementId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_CountyId_EntityType_EntityId",
            table: "AuditEntries",
            columns: new[] { "CountyId", "EntityType", "EntityId" });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_CountyId_UserName",
            table: "AuditEntries",
            columns: new[] { "CountyId", "UserName" });

        migrationBuilder.CreateIndex(
            name: "IX_Bodies_CountyId",
            table: "Bodies",
            column: "CountyId");

        migrationBuilder.CreateIndex(
            name: "IX_Bodies_OwnerPartyId",
            table: "Bodies",
            column: "OwnerPartyId");

        migrationBuilder.CreateIndex(
            name: "IX_Bodies_ParentBodyId",
            table: "Bodies",
            column: "ParentBodyId");

        migrationBuilder.CreateIndex(
            name: "IX_Counties_Code",
            table: "Counties",
            column: "Code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ExecutiveBoardSeats_PartyId_PoliticalPartyId",
            table: "ExecutiveBoardSeats",
            columns: new[] { "PartyId", "PoliticalPartyId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ExecutiveBoardSeats_PoliticalPartyId",
            table: "ExecutiveBoardSeats",
            column: "PoliticalPartyId");

        migrationBuilder.CreateIndex(
            name: "IX_Memberships_AppointingPartyId",
            table: "Memberships",
            column: "AppointingPartyId");

        migrationBuilder.CreateIndex(
            name: "IX_Memberships_BodyId",
            table: "Memberships",
            column: "BodyId");

        migrationBuilder.CreateIndex(
            name: "IX_Memberships_PersonId",
            table: "Memberships",
            column: "PersonId");

        migrationBuilder.CreateIndex(
            name: "IX_Memberships_PoliticalPartyId",
            table: "Memberships",
            column: "PoliticalPartyId");

        migrationBuilder.CreateIndex(
            name: "IX_Parties_CountyId_Name",
            table: "Parties",
            columns: new[] { "CountyId", "Name" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Parties_MunicipalityCode",
            table: "Parties",
            column: "MunicipalityCode",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_People_CountyId",
            table: "People",
            column: "CountyId");

        migrationBuilder.CreateIndex(
            name: "IX_PoliticalParties_Abbreviation",
            table: "PoliticalParties",
            column: "Abbreviation",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_PopulationFigures_CountyId_Year",
            table: "PopulationFigures",
            columns: new[] { "CountyId", "Year" });

        migrationBuilder.CreateIndex(
            name: "IX_PopulationFigures_PartyId_Year",
            table: "PopulationFigures",
            columns: new[] { "PartyId", "Year" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Supplements_AgreementId",
            table: "Supplements",
            column: "AgreementId");

        migrationBuilder.CreateIndex(
            name: "IX_TermsOfOffice_BodyId",
            table: "TermsOfOffice",
            column: "BodyId");

        migrationBuilder.CreateIndex(
            name: "IX_Withdrawals_AgreementId",
            table: "Withdrawals",
            column: "AgreementId");

        migrationBuilder.CreateIndex(
            name: "IX_Withdrawals_PartyId",
            table: "Withdrawals",
            column: "PartyId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "TermsOfOffice");
        migrationBuilder.DropTable(name: "Memberships");
        migrationBuilder.DropTable(name: "Adoptions");
        migrationBuilder.DropTable(name: "Withdrawals");
        migrationBuilder.DropTable(name: "PopulationFigures");
        migrationBuilder.DropTable(name: "ExecutiveBoardSeats");
        migrationBuilder.DropTable(name: "Bodies");
        migrationBuilder.DropTable(name: "AgreementParties");
        migrationBuilder.DropTable(name: "Supplements");
        migrationBuilder.DropTable(name: "Amendments");
        migrationBuilder.DropTable(name: "People");
        migrationBuilder.DropTable(name: "Parties");
        migrationBuilder.DropTable(name: "Agreements");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "PoliticalParties");
        migrationBuilder.DropTable(name: "DataProtectionKeys");
        migrationBuilder.DropTable(name: "Counties");
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
