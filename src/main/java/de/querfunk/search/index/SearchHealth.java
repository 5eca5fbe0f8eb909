package de.querfunk.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of search. A rebuild keeps the check UP with {@code state: rebuilding} and its
 * progress: everything else the server does works meanwhile, and searches answer over what has
 * been indexed so far, so taking the whole server out of a load balancer would do more harm than
 * good. DOWN means the index cannot be opened (another process holds it, or the disk fails).
 */
@Readiness
@ApplicationScoped
public class SearchHealth implements HealthCheck {

    @Inject
    SearchIndexer indexer;

    @Override
    public HealthCheckResponse call() {
        SearchIndexer.Progress p = indexer.progress();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("search")
                .status(!SearchIndexer.Progress.UNAVAILABLE.equals(p.state()))
                .withData("state", p.state())
                .withData("position", p.position());
        if (SearchIndexer.Progress.REBUILDING.equals(p.state())) {
            b.withData("done", p.done()).withData("total", p.total());
        }
        if (p.failure() != null) {
            b.withData("failure", p.failure());
        }
        return b.build();
    }
}
