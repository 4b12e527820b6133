namespace Samverkan.Web.Infrastructure;

/// <summary>The thing asked for does not exist (HTTP 404). The message is Swedish.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The signed-in user may not see or do this (HTTP 403). The message is Swedish.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
