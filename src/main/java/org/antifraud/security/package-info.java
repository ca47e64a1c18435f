/**
 * Authentication modes (local users now, Keycloak by configuration later), the current
 * actor (user, agency, roles) that every other module asks for, and masking of personal
 * data.
 */
package org.antifraud.security;
