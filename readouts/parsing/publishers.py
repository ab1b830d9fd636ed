"""Who publishes readouts, and which side of a call each publisher speaks for."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Publisher:
    key: str
    name: str
    side: str  # ISO 3166 alpha-2 of the government whose account this is


PUBLISHERS = {
    publisher.key: publisher
    for publisher in (
        Publisher("az-presidency", "President of the Republic of Azerbaijan (president.az)", "AZ"),
        Publisher("az-mfa", "Ministry of Foreign Affairs of Azerbaijan", "AZ"),
        Publisher("azertac", "AZERTAC (Azerbaijan State News Agency)", "AZ"),
        Publisher("trend", "Trend News Agency", "AZ"),
        Publisher("us-state-department", "U.S. Department of State", "US"),
        Publisher("us-embassy-baku", "U.S. Embassy in Azerbaijan", "US"),
        Publisher("white-house", "The White House", "US"),
    )
}
