"""The security tests' demo world (see security_helpers): defined here so that "package" scope means this
package, and the demo is rolled back before the next package's tests run."""

from config.tests.security_helpers import demo, security_demo  # noqa: F401 (fixtures)
