import { ApiProperty } from '@nestjs/swagger';

/** A person named in a response (author, reviewer, granter…): what every screen shows of someone. */
export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
}

/** An org unit named in a response by its name alone (an idea's unit, a step of a unit's path). */
export class OrgUnitNameDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** An org unit named in a response: its id, its code from the HR directory and its name. */
export class OrgUnitRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}
