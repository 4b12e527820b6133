// The shared reads of a county (its parties, bodies and agreements) and the county page model are the one layer every
// area may use; see docs/architecture.md.
global using Samverkan.Web.Features.Shared;
