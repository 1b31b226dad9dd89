package io.digitaltowns.api.site.admin;

import io.digitaltowns.api.businesses.review.ReviewQueue;
import io.digitaltowns.api.towns.Town;

/** A row of the review queue: the listing and its town (null if the town went away meanwhile). */
public record QueuedForReview(ReviewQueue.QueuedListing listing, Town town) {}
