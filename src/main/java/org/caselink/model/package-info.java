/**
 * The investigative graph's entities as values: one record per node label, named as the GraphQL
 * type it backs, each with its global id. Every feature reads and returns these, so they live
 * apart from the features (the graph is cyclic, the packages are not).
 */
@NullMarked
package org.caselink.model;

import org.jspecify.annotations.NullMarked;
