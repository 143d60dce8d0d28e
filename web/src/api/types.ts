export interface County {
  code: string;
  name: string;
  province_code: string;
  city_code: string | null;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  scope: {
    level: 'system' | 'city' | 'county' | 'township' | 'school';
    countyCode?: string;
    schoolId?: number;
    townshipId?: number;
  };
  permissions: { key: string; label: string }[];
  counties: County[];
  modules: { key: string; label: string }[];
  mustChangePassword: boolean;
}

export interface Township {
  id: number;
  code: string;
  name: string;
  kind: string;
  sort_order: number;
}

export interface SchoolRow {
  id: number;
  code: string;
  name: string;
  type: string;
  ownership: string;
  urban_rural: string;
  status: string;
  township_id: number;
  township_name: string;
  parent_school_id: number | null;
  parent_name: string | null;
  credit_code: string | null;
  address: string | null;
  opened_on: string | null;
  closed_on: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}
