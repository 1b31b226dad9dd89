package io.digitaltowns.api.businesses;

/** The fixed list of business categories a listing picks one from. */
public enum Category {
  BAKERY,
  BUTCHER,
  GROCERY,
  RESTAURANT,
  CAFE,
  BAR,
  TAKEAWAY,
  HAIR_AND_BEAUTY,
  HEALTH,
  PHARMACY,
  FITNESS,
  CLOTHING,
  BOOKS,
  FLOWERS,
  GIFTS,
  HARDWARE,
  ELECTRONICS,
  GARAGE,
  TRADES,
  CLEANING,
  PROFESSIONAL_SERVICES,
  ACCOMMODATION,
  LEISURE,
  OTHER
}
