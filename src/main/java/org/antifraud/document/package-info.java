/**
 * Official letters: PDF documents laid out after GB/T 9704-2012 from templates kept with
 * this module, numbered (文号) per issuer, type and year, sealed and signed (PAdES) with
 * the issuing agency's certificate, archived as PDF/A-2b, verifiable by QR code and
 * upload.
 */
package org.antifraud.document;
